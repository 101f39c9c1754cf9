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

    @Override
    public String toString() {
        return format();
    }
}
