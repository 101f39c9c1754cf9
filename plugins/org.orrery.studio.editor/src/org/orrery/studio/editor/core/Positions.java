// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between document offsets and LSP line/character positions. Results can describe an older
 * version of the text than the one shown, so conversions clamp into the document instead of failing.
 */
public final class Positions {

    private Positions() {
    }

    public static Position toPosition(IDocument doc, int offset) {
        int clamped = Math.max(0, Math.min(offset, doc.getLength()));
        try {
            int line = doc.getLineOfOffset(clamped);
            return new Position(line, clamped - doc.getLineOffset(line));
        } catch (BadLocationException e) {
            throw new IllegalStateException("offset " + clamped + " outside a document of " + doc.getLength(), e);
        }
    }

    public static int toOffset(IDocument doc, Position position) {
        int lines = doc.getNumberOfLines();
        if (position.getLine() >= lines) {
            return doc.getLength();
        }
        try {
            int line = Math.max(0, position.getLine());
            int start = doc.getLineOffset(line);
            int length = doc.getLineLength(line);
            String delimiter = doc.getLineDelimiter(line);
            int visible = length - (delimiter == null ? 0 : delimiter.length());
            return start + Math.max(0, Math.min(position.getCharacter(), visible));
        } catch (BadLocationException e) {
            throw new IllegalStateException("line " + position.getLine() + " outside the document", e);
        }
    }

    public static Range toRange(IDocument doc, int offset, int length) {
        return new Range(toPosition(doc, offset), toPosition(doc, offset + length));
    }

    /** Offset and length of {@code range} in {@code doc}, as a two-element array {offset, length}. */
    public static int[] toRegion(IDocument doc, Range range) {
        int start = toOffset(doc, range.getStart());
        int end = Math.max(start, toOffset(doc, range.getEnd()));
        return new int[] {start, end - start};
    }
}
