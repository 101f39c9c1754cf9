// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

/**
 * A validation result of the session's text, with the DSL's rule code (the same code the text editor, the
 * builder's markers and {@code orrery check} show) and the model object it is about, as an EMF URI fragment
 * of the session's resource (null for syntax errors and for objects in imported files).
 */
public record ModelDiagnostic(Severity severity, String code, String message, int offset, int length, int line,
        int column, String objectFragment) {

    public enum Severity { ERROR, WARNING, INFO }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code [code] message}: the form the text editor's annotations use. */
    public String label() {
        return "[" + code + "] " + message;
    }
}
