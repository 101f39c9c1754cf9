// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.core.CompletionMapping;
import org.orrery.studio.editor.core.CompletionMapping.Replacement;

/** What a JFace proposal replaces for each shape of LSP completion item. */
class CompletionMappingTest {

    private final IDocument doc = new Document("plan main {\r\n    window na");
    private final int caret = doc.getLength();

    private static Range line(int line, int from, int to) {
        return new Range(new Position(line, from), new Position(line, to));
    }

    @Test
    void documentationIsTheItemsTextOrMarkdown() {
        CompletionItem item = new CompletionItem("edf");
        assertNull(CompletionMapping.documentation(item));
        item.setDocumentation("Policy: earliest deadline first.");
        assertEquals("Policy: earliest deadline first.", CompletionMapping.documentation(item));
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "Uses `priority`."));
        assertEquals("Uses `priority`.", CompletionMapping.documentation(item));
    }

    @Test
    void aTextEditNamesTheRangeItReplaces() {
        CompletionItem item = new CompletionItem("nav");
        item.setDetail("Partition");
        item.setTextEdit(Either.forLeft(new TextEdit(line(1, 11, 13), "nav")));
        assertEquals(new Replacement(caret - 2, 2, "nav", "nav", "Partition"), CompletionMapping.of(doc, caret, item));
    }

    @Test
    void anInsertReplaceEditReplacesItsReplaceRange() {
        CompletionItem item = new CompletionItem("navigation");
        // Insert would only add before the caret; replace covers the whole word the caret is in.
        item.setTextEdit(Either.forRight(new InsertReplaceEdit("navigation", line(1, 11, 12), line(1, 11, 13))));
        Replacement r = CompletionMapping.of(doc, caret, item);
        assertEquals(caret - 2, r.offset());
        assertEquals(2, r.length());
        assertEquals("navigation", r.text());
        assertEquals("", r.detail(), "no detail shows as empty, not as null");
    }

    @Test
    void withoutAnEditTheItemReplacesTheWordBeingTyped() {
        CompletionItem item = new CompletionItem("nav");
        item.setInsertText("nav at ");
        Replacement r = CompletionMapping.of(doc, caret, item);
        assertEquals(new Replacement(caret - 2, 2, "nav at ", "nav", ""), r);
    }

    @Test
    void withoutInsertTextTheLabelIsInserted() {
        IDocument names = new Document("from fcs.cmd_o");
        CompletionItem item = new CompletionItem("cmd_out");
        Replacement r = CompletionMapping.of(names, names.getLength(), item);
        // The word stops at the dot: only the port's part of the qualified name is replaced.
        assertEquals(new Replacement(9, 5, "cmd_out", "cmd_out", ""), r);
    }

    @Test
    void wordsIncludeDigitsUnderscoresAndDashes() {
        IDocument names = new Document("core 0 major-fr");
        Replacement r = CompletionMapping.of(names, names.getLength(), new CompletionItem("major-frame"));
        assertEquals(7, r.offset());
        assertEquals(8, r.length());
    }

    @Test
    void atTheStartOfAWordNothingIsReplaced() {
        IDocument text = new Document("window ");
        Replacement r = CompletionMapping.of(text, 7, new CompletionItem("fcs"));
        assertEquals(new Replacement(7, 0, "fcs", "fcs", ""), r);
        assertEquals(new Replacement(0, 0, "x", "x", ""), CompletionMapping.of(new Document(""), 0,
                new CompletionItem("x")));
    }
}
