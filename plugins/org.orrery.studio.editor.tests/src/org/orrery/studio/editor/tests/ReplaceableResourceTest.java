// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Window;
import org.orrery.studio.editor.core.ReplaceableResource;

/**
 * The language server's resource: on unload only objects that other resources point at become proxies (its URI
 * fragments are the language's resource's, tested with it in the DSL's {@code OrreryResourceTest}).
 */
class ReplaceableResourceTest {

    private static EditorLanguage language;

    @TempDir
    Path dir;

    @BeforeAll
    static void language() {
        language = EditorLanguage.withEditorBindings();
    }

    @Test
    void theEditorsResourcesAreReplaceable() throws Exception {
        XtextResource r = EditorLanguage.load(language.resourceSet(), dir.resolve("a.orrery"), Systems.TWO_PARTITIONS);
        assertInstanceOf(ReplaceableResource.class, r);
    }

    @Test
    void unloadingProxifiesOnlyWhatOtherResourcesReference() throws Exception {
        XtextResourceSet set = language.resourceSet();
        XtextResource fragment = EditorLanguage.load(set, dir.resolve("partitions.orrery"), """
                partition used {
                    cores 0
                    memory 8 MiB
                    application "demo.Used"
                    process work periodic period 10 ms wcet 1 ms priority 1
                }
                partition unused {
                    cores 0
                    memory 8 MiB
                    application "demo.Unused"
                }
                """);
        XtextResource system = EditorLanguage.load(set, dir.resolve("system.orrery"), """
                import "partitions.orrery"
                system demo
                board sim { cores 1 memory 64 MiB tick 1 ms }
                plan main {
                    core 0 major-frame 10 ms {
                        window used at 0 ms duration 4 ms
                    }
                }
                """);
        EcoreUtil.resolveAll(system);
        Window window = allOf(system, Window.class).get(0);
        Partition used = window.getPartition();
        assertSame(fragment, used.eResource(), "the window links across the import");
        URI usedUri = EcoreUtil.getURI(used);
        Model model = (Model) fragment.getContents().get(0);
        Partition unused = (Partition) model.getElements().get(1);
        EObject work = used.getProcesses().get(0);

        // As Xtext's builder replaces a changed document: out of the set first, then unloaded.
        set.getResources().remove(fragment);
        fragment.unload();

        assertTrue(used.eIsProxy(), "the window must resolve to the new version of 'used'");
        assertEquals(usedUri, ((InternalEObject) used).eProxyURI());
        assertFalse(unused.eIsProxy(), "nothing points at 'unused': making it a proxy is wasted work");
        assertFalse(work.eIsProxy(), "a referenced object's children are not referenced for that");
    }

    /**
     * A pass over the cross-references that was cancelled part-way (a build that the next request cancels) has not
     * resolved them all: the next pass must not be skipped as if it had.
     */
    @Test
    void aCancelledPassLeavesTheNextOneToResolve() throws Exception {
        ReplaceableResource r = (ReplaceableResource) EditorLanguage.load(language.resourceSet(), dir.resolve("a.orrery"),
                Systems.TWO_PARTITIONS);
        assertTrue(pendingLinks(r) > 0, "a freshly loaded resource links lazily");
        assertThrows(OperationCanceledError.class, () -> r.resolveLazyCrossReferences(() -> true));
        assertTrue(pendingLinks(r) > 0, "cancelled before the first reference");
        r.resolveLazyCrossReferences(CancelIndicator.NullImpl);
        assertEquals(0, pendingLinks(r), "every reference resolves in a pass that runs to its end");
    }

    /** Cross-references of {@code r} still proxies, read without resolving any. */
    private static int pendingLinks(XtextResource r) {
        int pending = 0;
        for (TreeIterator<EObject> all = r.getAllContents(); all.hasNext();) {
            @SuppressWarnings("unchecked")
            InternalEList<EObject> refs = (InternalEList<EObject>) all.next().eCrossReferences();
            for (java.util.Iterator<EObject> it = refs.basicIterator(); it.hasNext();) {
                if (it.next().eIsProxy()) {
                    pending++;
                }
            }
        }
        return pending;
    }

    private static <T> List<T> allOf(Resource r, Class<T> type) {
        List<T> found = new ArrayList<>();
        r.getAllContents().forEachRemaining(o -> {
            if (type.isInstance(o)) {
                found.add(type.cast(o));
            }
        });
        return found;
    }
}
