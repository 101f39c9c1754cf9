// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Turns an LSP completion item into the replacement a JFace proposal applies. */
public final class CompletionMapping {

    /** Replace {@code length} characters at {@code offset} with {@code text}; show {@code label}. */
    public record Replacement(int offset, int length, String text, String label, String detail) {
    }

    private CompletionMapping() {
    }

    public static Replacement of(IDocument doc, int caret, CompletionItem item) {
        String label = item.getLabel();
        String detail = item.getDetail() == null ? "" : item.getDetail();
        Either<TextEdit, InsertReplaceEdit> edit = item.getTextEdit();
        if (edit != null && edit.isLeft()) {
            int[] r = Positions.toRegion(doc, edit.getLeft().getRange());
            return new Replacement(r[0], r[1], edit.getLeft().getNewText(), label, detail);
        }
        if (edit != null && edit.isRight()) {
            int[] r = Positions.toRegion(doc, edit.getRight().getReplace());
            return new Replacement(r[0], r[1], edit.getRight().getNewText(), label, detail);
        }
        // No edit: the item replaces the word being typed, as LSP clients conventionally do.
        String text = item.getInsertText() != null ? item.getInsertText() : label;
        int start = wordStart(doc, caret);
        return new Replacement(start, caret - start, text, label, detail);
    }

    /**
     * The item's documentation as text (for Orrery keywords: what the keyword means, the hover's text), or null
     * when it has none; JFace shows it beside the selected proposal.
     */
    public static String documentation(CompletionItem item) {
        Either<String, MarkupContent> doc = item.getDocumentation();
        String text = doc == null ? null : doc.isLeft() ? doc.getLeft() : doc.getRight().getValue();
        return text == null || text.isBlank() ? null : text;
    }

    private static int wordStart(IDocument doc, int caret) {
        int i = caret;
        try {
            while (i > 0 && isWordPart(doc.getChar(i - 1))) {
                i--;
            }
        } catch (BadLocationException e) {
            return caret;
        }
        return i;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
