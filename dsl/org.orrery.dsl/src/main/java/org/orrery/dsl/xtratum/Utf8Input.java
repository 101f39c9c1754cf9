// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses XML that is meant to be UTF-8 but is not, before the JDK's StAX parser sees it: that parser prints its
 * own "[Fatal Error] :-1:-1: Invalid byte 1 of 1-byte UTF-8 sequence." on standard error (whatever XMLReporter
 * is set) before it throws, and its exception locates nothing. Files that declare another encoding, or start
 * with a UTF-16 byte order mark, are left to the parser.
 */
final class Utf8Input {

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private Utf8Input() {
    }

    static void require(byte[] bytes) throws XmcfException {
        if (!meantAsUtf8(bytes)) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return;
        }
        int at = in.position();
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
        String hex = String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF);
        throw new XmcfException(line, column, "malformed XML: byte 0x" + hex + " is not UTF-8 text (the file declares "
                + "no other encoding)");
    }

    private static boolean meantAsUtf8(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return false;
        }
        // The declaration is ASCII in every encoding the parser would otherwise accept here.
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return !m.find() || m.group(1).equalsIgnoreCase("UTF-8") || m.group(1).equalsIgnoreCase("UTF8");
    }
}
