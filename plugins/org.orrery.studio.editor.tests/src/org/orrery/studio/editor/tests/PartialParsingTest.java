// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.editor.core.NearbyTokenRegions;

/**
 * The editor's partial parsing ({@link NearbyTokenRegions} lexing from near the change) on a resource updated
 * edit by edit with {@link XtextResource#update}, against the same text parsed from scratch, without a server: many
 * more edits than a server round trip per edit allows, on a system large enough that most edits lie far from the
 * start of the text.
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
            EcoreUtil.resolveAll(updated);

            XtextResourceSet fresh = language.resourceSet();
            XtextResource parsed = EditorLanguage.load(fresh, folder.resolve("parsed.orrery"),
                    updated.getParseResult().getRootNode().getText());
            EcoreUtil.resolveAll(parsed);
            ModelDump a = ModelDump.of(updated);
            ModelDump b = ModelDump.of(parsed);
            String where = "after edit " + i + " at " + at;
            assertEquals(b.model(), a.model(), "model " + where);
            assertEquals(b.nodes(), a.nodes(), "node model " + where);
            assertEquals(parsed.getErrors().toString(), updated.getErrors().toString(), "errors " + where);
        }
    }
}
