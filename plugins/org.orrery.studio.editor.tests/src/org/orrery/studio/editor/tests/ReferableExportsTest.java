// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.studio.editor.core.ReplaceableResource;
import org.orrery.studio.editor.core.ReplaceableResource.Linking;

/**
 * The editor's index exports only what a cross-reference can target; what links across imports stays the same; the
 * entry kept through updates is the entry of a fresh parse.
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
        XtextResource imported = EditorLanguage.load(set, dir.resolve("partitions.orrery"), Systems.IMPORTED);
        XtextResource system = EditorLanguage.load(set, dir.resolve("system.orrery"), Systems.IMPORTING);
        EcoreUtil.resolveAll(system);
        assertEquals(Map.of(), EcoreUtil.UnresolvedProxyCrossReferencer.find(system), "every reference linked");
        Channel channel = ((Model) system.getContents().get(0)).getElements().stream()
                .filter(Channel.class::isInstance).map(Channel.class::cast).findFirst().orElseThrow();
        assertEquals("cmd_out", channel.getSource().getName());
        assertSame(imported, channel.getSource().eResource());
    }

    /**
     * An update whose replaced object no scope sees keeps the document's exported objects (the same descriptions, not
     * computed again); after it, and after an update that renames an exported object, the entry is the one a fresh
     * parse of the text gives; a change made through the model is not missed.
     */
    @Test
    void theEntryAfterUpdatesIsTheEntryOfAFreshParse() throws Exception {
        EditorLanguage editor = EditorLanguage.withEditorBindings();
        XtextResource r = EditorLanguage.load(editor.resourceSet(), dir.resolve("a.orrery"), Systems.TWO_PARTITIONS);
        IEObjectDescription first = description(editor, r).getExportedObjects().iterator().next();

        String text = r.getParseResult().getRootNode().getText();
        r.update(text.indexOf("duration 4 ms"), "duration 4".length(), "duration 3");
        assertEquals(Linking.SUBTREE, ((ReplaceableResource) r).lastLinking());
        assertSame(first, description(editor, r).getExportedObjects().iterator().next(), "kept, not recomputed");
        assertEquals(entry(editor, fresh(editor, r)), entry(editor, r));

        text = r.getParseResult().getRootNode().getText();
        r.update(text.indexOf("cmd_in sampling"), "cmd_in".length(), "cmd_nav");
        assertEquals(Linking.WHOLE, ((ReplaceableResource) r).lastLinking());
        assertTrue(entry(editor, r).contains("nav.cmd_nav"), entry(editor, r));
        assertEquals(entry(editor, fresh(editor, r)), entry(editor, r));

        // A change through the model (refactorings make them) is seen: the entry follows it, the next update links
        // the whole model.
        description(editor, r).getExportedObjects().iterator().next();
        ((Model) r.getContents().get(0)).getElements().stream().filter(Partition.class::isInstance)
                .map(Partition.class::cast).filter(p -> p.getName().equals("nav")).findFirst().orElseThrow()
                .setName("navigation");
        assertTrue(entry(editor, r).contains("Partition navigation "), entry(editor, r));
        text = r.getParseResult().getRootNode().getText();
        r.update(text.indexOf("duration 3"), "duration 3".length(), "duration 2");
        assertEquals(Linking.WHOLE, ((ReplaceableResource) r).lastLinking());
    }

    /**
     * The entry lists the references that leave the document (what finds references from other files), exactly as
     * Xtext's own entry does, and none for a document whose links all stay inside it.
     */
    @Test
    void referencesIntoAnImportedFileAreListedAsByXtext() throws Exception {
        List<String> listed = new ArrayList<>();
        for (EditorLanguage language : List.of(EditorLanguage.withEditorBindings(), EditorLanguage.plain())) {
            XtextResourceSet set = language.resourceSet();
            Path folder = Files.createTempDirectory(dir, "set");
            XtextResource imported = EditorLanguage.load(set, folder.resolve("partitions.orrery"), Systems.IMPORTED);
            XtextResource importing = EditorLanguage.load(set, folder.resolve("system.orrery"), Systems.IMPORTING);
            assertEquals(List.of(), references(language, imported), "the imported file links only inside itself");
            listed.add(references(language, importing).toString().replace(folder.toString(), ""));
        }
        assertEquals(listed.get(1), listed.get(0), "the editor's entry against Xtext's");
        assertTrue(listed.get(0).contains("partitions.orrery#//@elements.0/@ports.0"), listed.get(0));
    }

    private static IResourceDescription description(EditorLanguage language, XtextResource resource) {
        return language.get(IResourceDescription.Manager.class).getResourceDescription(resource);
    }

    private XtextResource fresh(EditorLanguage language, XtextResource updated) throws Exception {
        return EditorLanguage.load(language.resourceSet(), dir.resolve("fresh.orrery"),
                updated.getParseResult().getRootNode().getText());
    }

    /** Every exported object: class, qualified name and the fragment of its URI. */
    private static String entry(EditorLanguage language, XtextResource resource) {
        StringBuilder s = new StringBuilder();
        for (IEObjectDescription d : description(language, resource).getExportedObjects()) {
            s.append(d.getEClass().getName()).append(' ').append(d.getName()).append(' ')
                    .append(d.getEObjectURI().fragment()).append('\n');
        }
        return s.toString();
    }

    /** The entry's references: source fragment -> target URI, in order. */
    private static List<String> references(EditorLanguage language, XtextResource resource) {
        List<String> refs = new ArrayList<>();
        for (IReferenceDescription d : description(language, resource).getReferenceDescriptions()) {
            refs.add(d.getSourceEObjectUri().fragment() + " " + d.getEReference().getName() + " -> "
                    + d.getTargetEObjectUri());
        }
        return refs;
    }
}
