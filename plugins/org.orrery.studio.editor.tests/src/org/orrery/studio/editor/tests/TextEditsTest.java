// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.core.TextEdits;

/** LSP edits on JFace documents: every range refers to the text before any edit, whatever order they come in. */
class TextEditsTest {

    private static TextEdit edit(int line, int from, int to, String text) {
        return new TextEdit(new Range(new Position(line, from), new Position(line, to)), text);
    }

    @Test
    void editsInAnyOrderAllReferToTheOriginalText() {
        IDocument doc = new Document("window fcs at 0 ms\nwindow nav at 4 ms\n");
        // Front to back, the first edit would shift the second by the length it adds.
        TextEdits.apply(doc, List.of(edit(0, 7, 10, "flight_control"), edit(1, 7, 10, "navigation")));
        assertEquals("window flight_control at 0 ms\nwindow navigation at 4 ms\n", doc.get());

        IDocument reversed = new Document("window fcs at 0 ms\nwindow nav at 4 ms\n");
        TextEdits.apply(reversed, List.of(edit(1, 7, 10, "navigation"), edit(0, 7, 10, "flight_control")));
        assertEquals(doc.get(), reversed.get());
    }

    @Test
    void editsOnOneLineDoNotShiftEachOther() {
        IDocument doc = new Document("a b c");
        TextEdits.apply(doc, List.of(edit(0, 4, 5, "third"), edit(0, 0, 1, "first"), edit(0, 2, 3, "second")));
        assertEquals("first second third", doc.get());
    }

    @Test
    void insertionsAtOnePositionKeepTheServersOrder() {
        // LSP: "If multiple inserts have the same position, the order in the array defines the order in which the
        // inserted strings appear in the resulting text."
        IDocument doc = new Document("ab");
        TextEdits.apply(doc, List.of(edit(0, 1, 1, "1"), edit(0, 1, 1, "2"), edit(0, 1, 1, "3")));
        assertEquals("a123b", doc.get());
    }

    @Test
    void anInsertionBeforeAReplacementAtTheSamePositionStaysBeforeIt() {
        IDocument doc = new Document("x = old;");
        TextEdits.apply(doc, List.of(edit(0, 4, 4, "/*new*/ "), edit(0, 4, 7, "new")));
        assertEquals("x = /*new*/ new;", doc.get());
    }

    @Test
    void editsSpanningLinesAndCrlf() {
        IDocument doc = new Document("one\r\ntwo\r\nthree");
        TextEdits.apply(doc, List.of(new TextEdit(new Range(new Position(0, 3), new Position(2, 0)), " "),
                edit(2, 5, 5, "!")));
        assertEquals("one three!", doc.get());
    }

    @Test
    void anEditPastTheEndAppendsInsteadOfFailing() {
        IDocument doc = new Document("abc");
        TextEdits.apply(doc, List.of(edit(7, 0, 0, "\nd")));
        assertEquals("abc\nd", doc.get());
    }

    @Test
    void noEditsLeaveTheDocumentAlone() {
        IDocument doc = new Document("abc");
        TextEdits.apply(doc, List.of());
        assertEquals("abc", doc.get());
    }

    @Test
    void oneUndoRevertsAllEditsOfOneApply() throws Exception {
        IDocument doc = new Document("a b c");
        DocumentUndoManagerRegistry.connect(doc);
        try {
            IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(doc);
            undo.connect(this);
            TextEdits.apply(doc, List.of(edit(0, 0, 1, "A"), edit(0, 2, 3, "B"), edit(0, 4, 5, "C")));
            assertEquals("A B C", doc.get());
            undo.undo();
            assertEquals("a b c", doc.get(), "a format or a quick fix is one change for Undo");
            assertTrue(!undo.undoable(), "and only one");
            undo.disconnect(this);
        } finally {
            DocumentUndoManagerRegistry.disconnect(doc);
        }
    }

    @Test
    void workspaceEditsReachEachDocumentAndNameTheMissingOnes() {
        IDocument system = new Document("partition nav {}\nwindow nav\n");
        IDocument fragment = new Document("window nav\n");
        WorkspaceEdit rename = new WorkspaceEdit(Map.of(
                "file:///ws/system.orrery", List.of(edit(0, 10, 13, "navigation"), edit(1, 7, 10, "navigation")),
                "file:///ws/closed.orrery", List.of(edit(0, 0, 0, "x"))));
        rename.setDocumentChanges(List.of(Either.forLeft(new TextDocumentEdit(
                new VersionedTextDocumentIdentifier("file:///ws/fragment.orrery", 3),
                List.of(Either.forLeft(edit(0, 7, 10, "navigation")))))));
        Map<String, IDocument> open = Map.of("file:///ws/system.orrery", system, "file:///ws/fragment.orrery", fragment);

        List<String> missing = TextEdits.apply(rename, open::get);

        assertEquals("partition navigation {}\nwindow navigation\n", system.get());
        assertEquals("window navigation\n", fragment.get(), "document changes are applied like changes");
        assertEquals(List.of("file:///ws/closed.orrery"), missing);
    }

    @Test
    void changesMergeBothShapesPerDocumentWithoutTouchingTheAnswer() {
        // The server's lists may be immutable and are its answer: merging must copy, not add to them.
        WorkspaceEdit edit = new WorkspaceEdit(Map.of("file:///a", List.of(edit(0, 0, 0, "1"))));
        edit.setDocumentChanges(List.of(Either.forLeft(new TextDocumentEdit(
                new VersionedTextDocumentIdentifier("file:///a", 1), List.of(Either.forLeft(edit(1, 0, 0, "2")))))));
        Map<String, List<TextEdit>> changes = TextEdits.changes(edit);
        assertEquals(1, changes.size());
        assertEquals(List.of(edit(0, 0, 0, "1"), edit(1, 0, 0, "2")), changes.get("file:///a"));
        assertEquals(List.of(edit(0, 0, 0, "1")), edit.getChanges().get("file:///a"));
    }
}
