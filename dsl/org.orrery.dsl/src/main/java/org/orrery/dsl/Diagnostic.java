// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.nio.file.Path;
import java.util.Locale;

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

    @Override
    public String toString() {
        return format();
    }
}
