// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Java reader for {@link MessageTemplates}: comments blanked out (positions kept, so lines can be
 * named), string and character literals skipped when brackets, commas and operators are looked for.
 */
final class JavaText {

    /** Words that may stand before a call; any other word before {@code name(} makes it a method declaration. */
    private static final Set<String> BEFORE_CALL = Set.of("return", "new", "throw", "else", "case", "yield");

    final String code;
    private final boolean[] literal;
    private final Map<String, List<int[]>> bodies = new HashMap<>();

    JavaText(String source) {
        StringBuilder b = new StringBuilder(source);
        literal = new boolean[source.length()];
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipLiteral(source, i);
                for (int j = i; j < end; j++) {
                    literal[j] = true;
                }
                i = end;
            } else if (source.startsWith("//", i) || source.startsWith("/*", i)) {
                int end = source.startsWith("//", i) ? source.indexOf('\n', i) : source.indexOf("*/", i) + 2;
                end = end < i ? source.length() : end;
                for (int j = i; j < end; j++) {
                    b.setCharAt(j, source.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else {
                i++;
            }
        }
        code = b.toString();
    }

    boolean inLiteral(int at) {
        return literal[at];
    }

    int lineOf(int at) {
        return (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Whether {@code name(} at {@code at} declares a method: a type or modifier word stands before it. */
    boolean isDeclaration(int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        if (i < 0 || !(Character.isJavaIdentifierPart(code.charAt(i)) || code.charAt(i) == '>' || code.charAt(i) == ']')) {
            return false;
        }
        int end = i + 1;
        while (i >= 0 && Character.isJavaIdentifierPart(code.charAt(i))) {
            i--;
        }
        return !BEFORE_CALL.contains(code.substring(i + 1, end));
    }

    /** Whether {@code at} lies in the declaration or body of a method called {@code name}. */
    boolean inBodyOf(String name, int at) {
        List<int[]> ranges = bodies.computeIfAbsent(name, n -> {
            List<int[]> found = new ArrayList<>();
            Matcher m = Pattern.compile("\\b" + Pattern.quote(n) + "\\s*\\(").matcher(code);
            while (m.find()) {
                if (!literal[m.start()] && isDeclaration(m.start())) {
                    int body = code.indexOf('{', closing(code, m.end() - 1));
                    found.add(new int[] {m.start(), closing(code, body)});
                }
            }
            return found;
        });
        return ranges.stream().anyMatch(r -> r[0] <= at && at <= r[1]);
    }

    /** The arguments of the call whose {@code (} is at {@code open}. */
    List<String> arguments(int open) {
        return split(code.substring(open + 1, closing(code, open)), ',');
    }

    /** Index of the bracket closing the one at {@code open}. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i = next(s, i)) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced brackets in " + s);
    }

    /** Index of {@code ch} outside brackets and literals, from {@code from}; -1 if none. */
    static int topLevel(String s, int from, char ch) {
        int depth = 0;
        for (int i = from; i < s.length(); i = next(s, i)) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ch && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code :} that belongs to the {@code ?} at {@code question} (conditionals may nest). */
    static int matchingColon(String s, int question) {
        int depth = 0;
        int open = 0;
        for (int i = question + 1; i < s.length(); i = next(s, i)) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '?') {
                open++;
            } else if (depth == 0 && c == ':') {
                if (s.startsWith("::", i)) {
                    i++; // a method reference, not a branch
                } else if (open-- == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no ':' for the '?' in " + s);
    }

    /** {@code s} split at top-level {@code ch}. */
    static List<String> split(String s, char ch) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int at = topLevel(s, 0, ch); at >= 0; at = topLevel(s, start, ch)) {
            parts.add(s.substring(start, at));
            start = at + 1;
        }
        parts.add(s.substring(start));
        return parts;
    }

    static boolean isStringLiteral(String s) {
        return s.startsWith("\"") && !s.startsWith("\"\"\"") && skipLiteral(s, 0) == s.length();
    }

    static String unescape(String body) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    /** The index after the character at {@code i}, or after the whole literal that starts there. */
    private static int next(String s, int i) {
        char c = s.charAt(i);
        return c == '"' || c == '\'' ? skipLiteral(s, i) : i + 1;
    }

    private static int skipLiteral(String s, int start) {
        char quote = s.charAt(start);
        if (s.startsWith("\"\"\"", start)) {
            int end = s.indexOf("\"\"\"", start + 3);
            return end < 0 ? s.length() : end + 3;
        }
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(s.length(), i + 1);
    }
}
