// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Model;

/**
 * The editor's index exports only what a cross-reference can target; what links across imports stays the same.
 */
class ReferableExportsTest {

    @TempDir
    Path dir;

    private static Set<String> exportedTypes(EditorLanguage language, XtextResource resource) {
        IResourceDescription description = language.get(IResourceDescription.Manager.class)
                .getResourceDescription(resource);
        Set<String> types = new TreeSet<>();
        for (IEObjectDescription d : description.getExportedObjects()) {
            types.add(d.getEClass().getName());
        }
        return types;
    }

    @Test
    void onlyTargetsOfCrossReferencesAreExported() throws Exception {
        EditorLanguage editor = EditorLanguage.withEditorBindings();
        XtextResource r = EditorLanguage.load(editor.resourceSet(), dir.resolve("a.orrery"), Systems.TWO_PARTITIONS);
        // Windows name partitions, channels name ports, switches name plans: those are the grammar's targets.
        assertEquals(Set.of("Partition", "Plan", "Port"), exportedTypes(editor, r));

        // The test means something only if the default exports more: channels and processes have names too.
        EditorLanguage plain = EditorLanguage.plain();
        XtextResource same = EditorLanguage.load(plain.resourceSet(), dir.resolve("b.orrery"), Systems.TWO_PARTITIONS);
        Set<String> all = exportedTypes(plain, same);
        assertTrue(all.containsAll(Set.of("Channel", "Process", "Partition", "Port", "Plan")), all.toString());
    }

    @Test
    void aPortInsideAnExportedPartitionIsStillExportedWithItsQualifiedName() throws Exception {
        EditorLanguage editor = EditorLanguage.withEditorBindings();
        XtextResource r = EditorLanguage.load(editor.resourceSet(), dir.resolve("a.orrery"), Systems.TWO_PARTITIONS);
        Set<String> names = new TreeSet<>();
        editor.get(IResourceDescription.Manager.class).getResourceDescription(r).getExportedObjects()
                .forEach(d -> names.add(d.getName().toString()));
        assertTrue(names.containsAll(Set.of("fcs", "nav", "fcs.cmd_out", "nav.cmd_in", "main")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.equals("cmd") || n.endsWith(".control")), names.toString());
    }

    @Test
    void channelsLinkToPortsOfAnImportedFile() throws Exception {
        EditorLanguage editor = EditorLanguage.withEditorBindings();
        XtextResourceSet set = editor.resourceSet();
        String partitions = Systems.TWO_PARTITIONS.substring(Systems.TWO_PARTITIONS.indexOf("/** Flight control"),
                Systems.TWO_PARTITIONS.indexOf("channel cmd"));
        XtextResource imported = EditorLanguage.load(set, dir.resolve("partitions.orrery"), partitions);
        XtextResource system = EditorLanguage.load(set, dir.resolve("system.orrery"), """
                import "partitions.orrery"
                system demo
                board sim { cores 1 memory 64 MiB tick 1 ms }
                channel cmd sampling from fcs.cmd_out to nav.cmd_in
                plan main {
                    core 0 major-frame 10 ms {
                        window fcs at 0 ms duration 4 ms
                        window nav at 4 ms duration 4 ms
                    }
                }
                """);
        EcoreUtil.resolveAll(system);
        assertEquals(Map.of(), EcoreUtil.UnresolvedProxyCrossReferencer.find(system), "every reference linked");
        Channel channel = ((Model) system.getContents().get(0)).getElements().stream()
                .filter(Channel.class::isInstance).map(Channel.class::cast).findFirst().orElseThrow();
        assertEquals("cmd_out", channel.getSource().getName());
        assertSame(imported, channel.getSource().eResource());
    }
}
