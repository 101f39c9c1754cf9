// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.nio.file.Path;
import java.util.List;

import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * An imported XM_CF file: the {@code .orrery} text, and what XtratuM says that Orrery cannot (warnings naming the
 * input's element, line and what Orrery does instead).
 */
public record XmcfImport(String text, List<Finding> warnings) {

    public XmcfImport {
        warnings = List.copyOf(warnings);
    }

    /** A part of the input that Orrery dropped or replaced, at the element's {@code <}. */
    public record Finding(int line, int column, String message) {

        /** As every other input problem is reported: {@code file:line:col: warning[xmcf]: message}. */
        public Diagnostic toDiagnostic(Path file) {
            return new Diagnostic(file, line, column, Diagnostic.Severity.WARNING, OrreryIssueCodes.XMCF, message);
        }
    }
}
