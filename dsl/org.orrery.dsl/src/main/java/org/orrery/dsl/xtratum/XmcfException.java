// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.nio.file.Path;

import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.validation.OrreryIssueCodes;

/** An XM_CF file that cannot be imported, with the position of the offending element. */
public final class XmcfException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public XmcfException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem as every other input problem is reported: {@code file:line:col: error[xmcf]: message}. */
    public Diagnostic toDiagnostic(Path file) {
        return new Diagnostic(file, line, column, Diagnostic.Severity.ERROR, OrreryIssueCodes.XMCF, getMessage());
    }
}
