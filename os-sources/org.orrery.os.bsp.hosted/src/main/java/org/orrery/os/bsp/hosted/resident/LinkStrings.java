// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strings on the write side: a line too long for the link is shortened, not refused (it is news, not a command). */
final class LinkStrings {

    private static final byte[] ELLIPSIS = "...".getBytes(StandardCharsets.US_ASCII);

    private LinkStrings() {
    }

    /**
     * {@code s} in UTF-8 if it fits in {@code maxBytes}, else as much of it as fits with "..." after it. The cut
     * falls between characters, never inside one, so the reader's strict UTF-8 decoding accepts the result.
     */
    static byte[] utf8Within(String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        int cut = maxBytes - ELLIPSIS.length;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--; // bytes[cut] continues a character that starts before it: drop the whole character
        }
        byte[] shortened = Arrays.copyOf(bytes, cut + ELLIPSIS.length);
        System.arraycopy(ELLIPSIS, 0, shortened, cut, ELLIPSIS.length);
        return shortened;
    }
}
