// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;

/**
 * Character ranges for markers. Diagnostics carry a line and column but no length, so a marker spans the
 * word that starts there (at least one character): editors then underline the offending name or number.
 */
final class TextRanges {

    private TextRanges() {
    }

    /** {@code [start, end)} offsets, or null when the file cannot be read or has no such line. */
    static int[] wordAt(IFile file, int line, int column) {
        String text;
        try (InputStream in = file.getContents(true)) {
            text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
        } catch (IOException | CoreException | RuntimeException e) {
            return null;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return null;
            }
            offset = nl + 1;
        }
        int lineEnd = text.indexOf('\n', offset);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int start = Math.min(offset + column - 1, lineEnd);
        int end = start;
        while (end < lineEnd && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new int[] {start, Math.max(end, Math.min(start + 1, text.length()))};
    }
}
