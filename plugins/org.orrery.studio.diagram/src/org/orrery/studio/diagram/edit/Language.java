// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.AbstractInjectableValidator;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IDiagnosticConverter;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.impl.ConcreteSyntaxEValidator;
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
            out.add(diagnostic(resource, issue));
        }
        out.sort(Comparator.comparingInt(ModelDiagnostic::offset));
        return List.copyOf(out);
    }

    /**
     * What the language reports about {@code object} itself: its references that do not resolve, the rules of the
     * object and its contents and the file-wide rules (those on the file's root, e.g. unique names and limits), not
     * the rules of the other objects, which a change of {@code object} alone leaves as they were except where they
     * look at it.
     */
    static List<ModelDiagnostic> validate(XtextResource resource, EObject object) {
        // A reference that does not resolve is reported by the resource, when it is first asked for.
        EcoreUtil.resolveAll(object);
        Diagnostician diagnostician = injector().getInstance(Diagnostician.class);
        Map<Object, Object> context = new HashMap<>();
        context.put(CheckMode.KEY, CheckMode.ALL);
        context.put(CancelableDiagnostician.CANCEL_INDICATOR, CancelIndicator.NullImpl);
        context.put(ConcreteSyntaxEValidator.DISABLE_CONCRETE_SYNTAX_EVALIDATOR, Boolean.TRUE);
        context.put(EValidator.class, diagnostician);
        context.put(AbstractInjectableValidator.CURRENT_LANGUAGE_NAME, resource.getLanguageName());
        BasicDiagnostic found = new BasicDiagnostic();
        diagnostician.validate(object, found, context);
        EObject root = EcoreUtil.getRootContainer(object);
        if (root != object) {
            // The root's own rules only: Diagnostician.validate(root) would run every object's rules too.
            injector().getInstance(EValidator.Registry.class).getEValidator(root.eClass().getEPackage())
                    .validate(root.eClass(), root, found, context);
        }
        IDiagnosticConverter converter = injector().getInstance(IDiagnosticConverter.class);
        List<ModelDiagnostic> out = new ArrayList<>();
        IAcceptor<Issue> onObject = issue -> {
            ModelDiagnostic m = diagnostic(resource, issue);
            if (m.objectFragment() != null && resource.getEObject(m.objectFragment()) == object) {
                out.add(m);
            }
        };
        for (Resource.Diagnostic d : List.copyOf(resource.getErrors())) {
            converter.convertResourceDiagnostic(d, Severity.ERROR, onObject);
        }
        for (Resource.Diagnostic d : List.copyOf(resource.getWarnings())) {
            converter.convertResourceDiagnostic(d, Severity.WARNING, onObject);
        }
        for (Diagnostic d : found.getChildren()) {
            converter.convertValidatorDiagnostic(d, onObject);
        }
        out.sort(Comparator.comparingInt(ModelDiagnostic::offset));
        return List.copyOf(out);
    }

    private static ModelDiagnostic diagnostic(XtextResource resource, Issue issue) {
        String fragment = issue.getUriToProblem() == null
                || !resource.getURI().equals(issue.getUriToProblem().trimFragment()) ? null
                : issue.getUriToProblem().fragment();
        return new ModelDiagnostic(severity(issue), code(issue.getCode()), issue.getMessage(),
                orZero(issue.getOffset()), orZero(issue.getLength()), orZero(issue.getLineNumber()),
                orZero(issue.getColumn()), fragment);
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
