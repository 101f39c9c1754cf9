// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the strings the language passes on unread (to the network stack, to the Java compiler) have their
 * expected form: a mistake here otherwise surfaces late, as a failed build or a device that never comes up.
 */
final class TextValues {

    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{2}([:-])\\p{XDigit}{2}(\\1\\p{XDigit}{2}){4}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("([\\p{XDigit}:]+)(/(\\d{1,3}))?");

    /** Words javac refuses as identifiers (javax.lang.model would say so too, but Studio's runtime need not have it). */
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null", "_");

    private TextValues() {
    }

    static boolean isMac(String s) {
        return MAC.matcher(s).matches();
    }

    /** An IPv4 or IPv6 address, with an optional prefix length ({@code 192.0.2.10/24}). */
    static boolean isIpAddress(String s) {
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(v4.group(g)) > 255) {
                    return false;
                }
            }
            return v4.group(6) == null || Integer.parseInt(v4.group(6)) <= 32;
        }
        var v6 = IPV6.matcher(s);
        return v6.matches() && isIpv6(v6.group(1)) && (v6.group(3) == null || Integer.parseInt(v6.group(3)) <= 128);
    }

    private static boolean isIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] groups = s.replace("::", ":x:").split(":", -1);
        int count = 0;
        for (String g : groups) {
            if (g.equals("x") || (g.isEmpty() && gap >= 0)) {
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return false;
            }
            count++;
        }
        return gap >= 0 ? count < 8 : count == 8;
    }

    /** A binary class name the image builder can load: dotted Java identifiers, none a keyword. */
    static boolean isClassName(String s) {
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty() || RESERVED.contains(part) || !Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c))) {
                return false;
            }
        }
        return true;
    }
}
