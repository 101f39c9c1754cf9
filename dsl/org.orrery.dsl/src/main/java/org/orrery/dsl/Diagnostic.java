// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.nio.file.Path;
import java.util.Locale;

import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * One problem in the input: where (1-based line and column), how bad, which rule, and what.
 *
 * @param code the rule code from {@link org.orrery.dsl.validation.OrreryIssueCodes}
 */
public record Diagnostic(Path file, int line, int column, Severity severity, String code, String message) {

    public enum Severity {
        ERROR, WARNING, INFO
    }

    public Diagnostic {
        message = printable(message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error[CODE]: message}, the format compilers and editors understand. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(Locale.ROOT) + "[" + code + "]: "
                + message;
    }

    /**
     * The rule code of an Xtext issue code: the language's own codes stay, Xtext's syntax and linking
     * diagnostics become {@code syntax} and {@code unresolved-reference}. Every tool that shows Xtext issues
     * names them through here.
     */
    public static String codeOf(String xtextCode) {
        if (xtextCode == null || xtextCode.equals(org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC)) {
            return OrreryIssueCodes.SYNTAX;
        }
        if (xtextCode.equals(org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC)) {
            return OrreryIssueCodes.UNRESOLVED_REFERENCE;
        }
        return xtextCode.startsWith("org.eclipse.") ? OrreryIssueCodes.SYNTAX : xtextCode;
    }

    /**
     * {@code text} with control and invisible formatting characters as escapes: messages echo the input, and a
     * stray byte from it must neither break the one-line format nor reach a terminal as a control sequence.
     */
    public static String printable(String text) {
        if (text == null || text.chars().allMatch(c -> !hidden(c))) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(hidden(c) ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c));
            }
        });
        return b.toString();
    }

    private static boolean hidden(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    @Override
    public String toString() {
        return format();
    }
}
