// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the TSDL that Orrery writers have declared event fields with: {@code int64_t f;} (every version),
 * {@code enum : int64_t { "a" = 0, ... } f;} and {@code variant <tag> { ... } f;} (traces that name numbers).
 * Anything else is refused: the reader would not know the field's size.
 */
final class TsdlFields {

    record Field(String name, CtfFieldLabels labels) {}

    private static final Pattern PLAIN = Pattern.compile("int64_t\\s+(\\w+)");
    private static final Pattern ENUM = Pattern.compile("enum\\s*:\\s*int64_t\\s*\\{(.*)\\}\\s*(\\w+)", Pattern.DOTALL);
    private static final Pattern VARIANT = Pattern.compile("variant\\s*<\\s*(\\w+)\\s*>\\s*\\{(.*)\\}\\s*(\\w+)",
            Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*=\\s*(-?\\d+)");

    private TsdlFields() {
    }

    /** The fields of one {@code fields := struct { ... }} body, in order. */
    static List<Field> parse(String body, String where) throws CtfFormatException {
        List<Field> fields = new ArrayList<>();
        for (String decl : declarations(body)) {
            Matcher m;
            if ((m = PLAIN.matcher(decl)).matches()) {
                fields.add(new Field(m.group(1), CtfFieldLabels.NONE));
            } else if ((m = ENUM.matcher(decl)).matches()) {
                fields.add(new Field(m.group(2), CtfFieldLabels.of(entries(m.group(1)))));
            } else if ((m = VARIANT.matcher(decl)).matches()) {
                Map<String, SortedMap<Long, String>> options = new LinkedHashMap<>();
                for (Field option : parse(m.group(2), where)) {
                    if (option.labels().tag() != null) {
                        throw new CtfFormatException(where + ": nested variant in field '" + m.group(3) + "'");
                    }
                    options.put(option.name(), option.labels().labels());
                }
                fields.add(new Field(m.group(3), CtfFieldLabels.tagged(m.group(1), options)));
            } else {
                throw new CtfFormatException(where + ": unsupported field declaration '" + decl
                        + "' (Orrery traces declare signed 64-bit integers, enumerations of them, or variants)");
            }
        }
        return fields;
    }

    /** Index of the '}' closing the '{' at {@code open}, skipping quoted strings; -1 if it is not closed. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfString(s, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Top-level declarations, split at the ';' outside braces and strings, trimmed. */
    private static List<String> declarations(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                i = endOfString(body, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                out.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!body.substring(start).isBlank()) {
            out.add(body.substring(start).strip());
        }
        return out;
    }

    private static int endOfString(String s, int quote) {
        for (int i = quote + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return s.length();
    }

    private static SortedMap<Long, String> entries(String enumBody) {
        SortedMap<Long, String> labels = new TreeMap<>();
        Matcher e = ENTRY.matcher(enumBody);
        while (e.find()) {
            labels.put(Long.parseLong(e.group(2)), CtfMetadata.unescape(e.group(1)));
        }
        return labels;
    }
}
