// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.orrery.dsl.ide.OrreryLanguage;

import com.google.inject.Injector;

/**
 * The Orrery language with runtime and IDE services (the change serializer lives in Xtext's IDE layer): the
 * Studio session's one set-up, which the builder shares.
 */
final class Language {

    private Language() {
    }

    static Injector injector() {
        return OrreryLanguage.injector();
    }

    static List<ModelDiagnostic> validate(XtextResource resource) {
        IResourceValidator validator = injector().getInstance(IResourceValidator.class);
        List<ModelDiagnostic> out = new ArrayList<>();
        for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
            String fragment = issue.getUriToProblem() == null
                    || !resource.getURI().equals(issue.getUriToProblem().trimFragment()) ? null
                    : issue.getUriToProblem().fragment();
            out.add(new ModelDiagnostic(severity(issue), code(issue.getCode()), issue.getMessage(),
                    orZero(issue.getOffset()), orZero(issue.getLength()), orZero(issue.getLineNumber()),
                    orZero(issue.getColumn()), fragment));
        }
        out.sort(Comparator.comparingInt(ModelDiagnostic::offset));
        return List.copyOf(out);
    }

    private static ModelDiagnostic.Severity severity(Issue issue) {
        return switch (issue.getSeverity()) {
            case ERROR -> ModelDiagnostic.Severity.ERROR;
            case WARNING -> ModelDiagnostic.Severity.WARNING;
            default -> ModelDiagnostic.Severity.INFO;
        };
    }

    private static String code(String xtextCode) {
        return org.orrery.dsl.Diagnostic.codeOf(xtextCode);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
