// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
     */
    public static void apply(IDocument document, List<? extends TextEdit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        List<int[]> regions = new ArrayList<>();
        List<TextEdit> sorted = new ArrayList<>(edits);
        for (TextEdit e : sorted) {
            regions.add(Positions.toRegion(document, e.getRange()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> regions.get(i)[0]).reversed());
        IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
        if (undo != null) {
            undo.beginCompoundChange();
        }
        try {
            for (int i : order) {
                document.replace(regions.get(i)[0], regions.get(i)[1], sorted.get(i).getNewText());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("edit outside the document: " + e.getMessage(), e);
        } finally {
            if (undo != null) {
                undo.endCompoundChange();
            }
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
            all.putAll(edit.getChanges());
        }
        if (edit.getDocumentChanges() != null) {
            edit.getDocumentChanges().stream().filter(c -> c.isLeft()).map(c -> c.getLeft())
                    .forEach((TextDocumentEdit d) -> all.computeIfAbsent(d.getTextDocument().getUri(),
                            k -> new ArrayList<>()).addAll(d.getEdits().stream().filter(x -> x.isLeft()).map(x -> x.getLeft()).toList()));
        }
        return all;
    }
}
