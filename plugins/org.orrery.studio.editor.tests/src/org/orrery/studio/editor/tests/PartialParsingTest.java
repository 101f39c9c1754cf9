// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.editor.core.NearbyTokenRegions;
import org.orrery.studio.editor.core.ReplaceableResource;
import org.orrery.studio.editor.core.ReplaceableResource.Linking;

/**
 * The editor's partial parsing ({@link NearbyTokenRegions} lexing from near the change) and linking (a replaced
 * object no scope sees is linked alone, {@link ReplaceableResource}) on a resource updated edit by edit with
 * {@link XtextResource#update}, against the same text parsed from scratch, without a server: many more edits than a
 * server round trip per edit allows, on a system large enough that most edits lie far from the start of the text.
 */
class PartialParsingTest {

    @TempDir
    Path folder;

    @Test
    void updatesInPlaceGiveTheModelOfAFullParse() throws Exception {
        EditorLanguage language = EditorLanguage.withEditorBindings();
        String original = InPlaceUpdateTest.system(20);
        XtextResource updated = EditorLanguage.load(language.resourceSet(), folder.resolve("updated.orrery"),
                original);
        Random random = new Random(53);
        int linkedAlone = 0;
        for (int i = 0; i < 120; i++) {
            String text = updated.getParseResult().getRootNode().getText();
            int at = random.nextInt(text.length());
            int length = random.nextInt(4) == 0 ? Math.min(random.nextInt(3), text.length() - at) : 0;
            String typed = random.nextInt(3) == 0 ? "" : String.valueOf("0123456789 \nxms{}/*\"".charAt(random.nextInt(20)));
            if (random.nextInt(6) == 0) {
                // Back to the original now and then, so that edits also start from a text without syntax errors.
                at = 0;
                length = text.length();
                typed = original;
            }
            updated.update(at, length, typed);
            linkedAlone += ((ReplaceableResource) updated).lastLinking() == Linking.SUBTREE ? 1 : 0;
            assertSameAsFullParse(language, updated, "after edit " + i + " at " + at);
        }
        assertTrue(linkedAlone > 0, "edits linked alone: " + linkedAlone);
    }

    /**
     * Objects no scope sees (a window, a channel, a duration) are linked alone when an edit replaces them: links
     * typed wrong and right again resolve as in a full parse, and a link elsewhere in the file that never resolves
     * stays reported through every edit, until an edit of an object scopes see (a port's name) links it all.
     */
    @Test
    void aReplacedObjectLinkedAloneResolvesAsInAFullParse() throws Exception {
        EditorLanguage language = EditorLanguage.withEditorBindings();
        String original = InPlaceUpdateTest.system(6).replace("to p1.in_1", "to p1.in_9");
        XtextResource updated = EditorLanguage.load(language.resourceSet(), folder.resolve("updated.orrery"),
                original);
        assertSameAsFullParse(language, updated, "as loaded");
        String window = "window p3 at";
        String[][] edits = {
            {window, "window p3x at"}, // the window's link breaks
            {"window p3x at", window}, // and resolves again
            {"from p2.out_2", "from p4.out_4"}, // a channel's source moves to another partition
            {"from p4.out_4", "from p4.out_9"}, // to a port that does not exist
            {"duration 5 ms\n        window p4", "duration 7 ms\n        window p4"}, // a value, no link at all
        };
        for (String[] edit : edits) {
            String text = updated.getParseResult().getRootNode().getText();
            int at = text.indexOf(edit[0]);
            assertTrue(at >= 0, edit[0]);
            updated.update(at, edit[0].length(), edit[1]);
            assertEquals(Linking.SUBTREE, ((ReplaceableResource) updated).lastLinking(), "linked alone: " + edit[1]);
            assertSameAsFullParse(language, updated, "after '" + edit[1] + "'");
            assertTrue(updated.getErrors().toString().contains("in_9"), "the unresolved link elsewhere is still "
                    + "reported after '" + edit[1] + "': " + updated.getErrors());
        }
        // A port renamed is an object scopes see: the whole model is linked, and the link that never resolved does.
        String text = updated.getParseResult().getRootNode().getText();
        updated.update(text.indexOf("port in_1 "), "port in_1 ".length(), "port in_9 ");
        assertEquals(Linking.WHOLE, ((ReplaceableResource) updated).lastLinking(), "a renamed port links everything");
        assertSameAsFullParse(language, updated, "after the port's rename");
        assertFalse(updated.getErrors().toString().contains("in_9"), "resolved now: " + updated.getErrors());
    }

    private void assertSameAsFullParse(EditorLanguage language, XtextResource updated, String where)
            throws Exception {
        EcoreUtil.resolveAll(updated);
        XtextResourceSet fresh = language.resourceSet();
        XtextResource parsed = EditorLanguage.load(fresh, folder.resolve("parsed.orrery"),
                updated.getParseResult().getRootNode().getText());
        EcoreUtil.resolveAll(parsed);
        ModelDump a = ModelDump.of(updated);
        ModelDump b = ModelDump.of(parsed);
        assertEquals(b.model(), a.model(), "model " + where);
        assertEquals(b.nodes(), a.nodes(), "node model " + where);
        assertEquals(parsed.getErrors().toString(), updated.getErrors().toString(), "errors " + where);
    }
}
