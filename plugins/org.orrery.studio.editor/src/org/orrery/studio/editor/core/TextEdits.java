// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;

/** Applies LSP edits to JFace documents, each document's edits as one undoable change. */
public final class TextEdits {

    private TextEdits() {
    }

    /**
     * Applies {@code edits} to {@code document}. LSP ranges all refer to the text before any edit, so they are
     * applied from the end backwards; wrapped in one compound change so that one Undo reverts a format or a fix.
     * Edits starting at one offset (inserts, or inserts next to a replacement) become one replacement whose text
     * keeps the order the server sent them in, as LSP requires; applied one by one at that offset they would come
     * out reversed, or a later replacement would eat an earlier insert.
     */
    public static void apply(IDocument document, List<? extends TextEdit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        NavigableMap<Integer, Replacement> byStart = new TreeMap<>();
        for (TextEdit e : edits) {
            int[] region = Positions.toRegion(document, e.getRange());
            byStart.merge(region[0], new Replacement(region[1], e.getNewText()), Replacement::then);
        }
        IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
        if (undo != null) {
            undo.beginCompoundChange();
        }
        try {
            for (Map.Entry<Integer, Replacement> e : byStart.descendingMap().entrySet()) {
                document.replace(e.getKey(), e.getValue().length(), e.getValue().text());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("edit outside the document: " + e.getMessage(), e);
        } finally {
            if (undo != null) {
                undo.endCompoundChange();
            }
        }
    }

    private record Replacement(int length, String text) {
        Replacement then(Replacement next) {
            return new Replacement(Math.max(length, next.length), text + next.text);
        }
    }

    /**
     * Applies a workspace edit (rename) to the documents {@code documents} maps its URIs to; a URI without a
     * document is reported back so the caller can say what was not changed.
     */
    public static List<String> apply(WorkspaceEdit edit, Function<String, IDocument> documents) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<TextEdit>> e : changes(edit).entrySet()) {
            IDocument doc = documents.apply(e.getKey());
            if (doc == null) {
                missing.add(e.getKey());
            } else {
                apply(doc, e.getValue());
            }
        }
        return missing;
    }

    /** The edits per document URI, whichever of the two LSP shapes the server chose. */
    public static Map<String, List<TextEdit>> changes(WorkspaceEdit edit) {
        Map<String, List<TextEdit>> all = new java.util.LinkedHashMap<>();
        if (edit.getChanges() != null) {
            // Copies: the lists are the server's answer (possibly immutable), and document changes are added below.
            edit.getChanges().forEach((uri, list) -> all.put(uri, new ArrayList<>(list)));
        }
        if (edit.getDocumentChanges() != null) {
            edit.getDocumentChanges().stream().filter(c -> c.isLeft()).map(c -> c.getLeft())
                    .forEach((TextDocumentEdit d) -> all.computeIfAbsent(d.getTextDocument().getUri(),
                            k -> new ArrayList<>()).addAll(d.getEdits().stream().filter(x -> x.isLeft()).map(x -> x.getLeft()).toList()));
        }
        return all;
    }
}
