// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.nio.file.Path;

/**
 * A vendor configuration file that cannot be imported, with the position of the offending element and the
 * rule code it is reported under, so importers' refusals read like every other input problem.
 */
public abstract class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String code;

    protected ImportException(int line, int column, String code, String message) {
        super(message);
        this.line = line;
        this.column = column;
        this.code = code;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem as every other input problem is reported: {@code file:line:col: error[CODE]: message}. */
    public Diagnostic toDiagnostic(Path file) {
        return new Diagnostic(file, line, column, Diagnostic.Severity.ERROR, code, getMessage());
    }
}
