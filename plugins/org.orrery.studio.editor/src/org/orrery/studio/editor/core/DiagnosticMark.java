// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * What the editor shows for one diagnostic: where, which annotation type (the platform's error/warning/info
 * types, so rulers, overview and hovers render it without extra registrations) and a text naming the rule.
 */
public record DiagnosticMark(int offset, int length, String annotationType, String text, String code) {

    public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
    public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
    public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

    public static DiagnosticMark of(IDocument doc, Diagnostic d) {
        int[] region = Positions.toRegion(doc, d.getRange());
        String code = d.getCode() == null ? "" : d.getCode().isLeft() ? d.getCode().getLeft()
                : String.valueOf(d.getCode().getRight());
        String message = d.getMessage() == null ? "" : d.getMessage().isLeft() ? d.getMessage().getLeft()
                : d.getMessage().getRight().getValue();
        // Same shape as the CLI's `error[CODE]: message` so a rule reads the same everywhere.
        String text = code.isEmpty() ? message : "[" + code + "] " + message;
        return new DiagnosticMark(region[0], region[1], typeOf(d.getSeverity()), text, code);
    }

    private static String typeOf(DiagnosticSeverity severity) {
        if (severity == null || severity == DiagnosticSeverity.Error) {
            return ERROR;
        }
        return severity == DiagnosticSeverity.Warning ? WARNING : INFO;
    }
}
