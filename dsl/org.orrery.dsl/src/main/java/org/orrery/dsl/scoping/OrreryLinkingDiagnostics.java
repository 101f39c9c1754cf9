// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.scoping;

import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import com.google.inject.Inject;
import org.orrery.dsl.orrery.OrreryPackage;
import org.orrery.dsl.services.OrreryGrammarAccess;
import org.orrery.dsl.syntax.EnumChoices;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * Gives unresolved references a rule code like every other diagnostic, so tools can tell "unknown plan"
 * (its own rule) apart from a plain typo in any other reference.
 */
public class OrreryLinkingDiagnostics extends LinkingDiagnosticMessageProvider {

    @Inject
    private OrreryGrammarAccess grammar;

    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        String type = context.getReference().getEReferenceType().getName();
        String what = switch (type) {
            case "Bsp" -> "BSP";
            case "Vm" -> "VM";
            default -> type.toLowerCase(java.util.Locale.ROOT);
        };
        boolean plan = context.getReference().getEReferenceType() == OrreryPackage.Literals.PLAN;
        String code = plan ? OrreryIssueCodes.UNKNOWN_PLAN : OrreryIssueCodes.UNRESOLVED_REFERENCE;
        String message = "Unknown " + what + " '" + context.getLinkText() + "'.";
        if (context.getReference() == OrreryPackage.Literals.BOARD__BSP) {
            // `board simm`: most likely a mistyped built-in board rather than a BSP that was never declared.
            message = "Unknown board '" + context.getLinkText() + "': use a built-in board ("
                    + String.join(" | ", EnumChoices.literals(grammar.getBuiltinBoardRule()))
                    + ") or declare 'bsp " + context.getLinkText() + " { ... }'.";
        }
        return new DiagnosticMessage(message, Severity.ERROR, code);
    }
}
