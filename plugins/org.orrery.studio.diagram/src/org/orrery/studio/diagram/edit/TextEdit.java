// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One replacement in a document: {@code length} characters at {@code offset} become {@code replacement}.
 * Offsets refer to the text before any edit of the same batch, the way LSP and JFace expect a batch.
 */
public record TextEdit(int offset, int length, String replacement) {

    public TextEdit {
        if (offset < 0 || length < 0 || replacement == null) {
            throw new IllegalArgumentException("bad edit " + offset + "+" + length);
        }
    }

    /**
     * Applies a batch of non-overlapping edits to {@code text}. They are applied from the end backwards so
     * that every offset still refers to the original text.
     */
    public static String apply(String text, List<TextEdit> edits) {
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : backwards(edits)) {
            out.replace(e.offset(), e.offset() + e.length(), e.replacement());
        }
        return out.toString();
    }

    /** The batch sorted by descending offset: the order in which a document must receive them. */
    public static List<TextEdit> backwards(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::offset).reversed());
        return sorted;
    }
}
