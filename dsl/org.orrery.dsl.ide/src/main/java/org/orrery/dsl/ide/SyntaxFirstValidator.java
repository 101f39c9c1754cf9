// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SyntaxFirst;
import org.orrery.dsl.syntax.Declarations;

import com.google.inject.Inject;

/**
 * The editor's diagnostics follow the command line's rule for a file that does not parse ({@link SyntaxFirst}): the
 * first syntax error of each declaration and a note, not the rules' findings about the model the parser's recovery
 * made up ("must declare its memory budget" for a memory line that is there).
 */
public class SyntaxFirstValidator extends ResourceValidatorImpl {

    /** Stands for the one file an editor validates; SyntaxFirst groups by file. */
    private static final Path THIS_FILE = Path.of("this.orrery");

    @Inject
    private IGrammarAccess grammar;

    @Override
    public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) {
        List<Issue> issues = super.validate(resource, mode, cancel);
        if (issues == null || issues.stream().noneMatch(Issue::isSyntaxError)) {
            return issues;
        }
        List<Issue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparing((Issue i) -> i.getLineNumber() == null ? 0 : i.getLineNumber())
                .thenComparing(i -> i.getColumn() == null ? 0 : i.getColumn()));
        Map<Diagnostic, Issue> byDiagnostic = new IdentityHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Issue i : sorted) {
            Diagnostic d = new Diagnostic(THIS_FILE, i.getLineNumber() == null ? 1 : i.getLineNumber(),
                    i.getColumn() == null ? 1 : i.getColumn(), severity(i.getSeverity()),
                    i.isSyntaxError() ? org.orrery.dsl.validation.OrreryIssueCodes.SYNTAX : Diagnostic.codeOf(i.getCode()),
                    i.getMessage());
            byDiagnostic.put(d, i);
            diagnostics.add(d);
        }
        NavigableSet<Integer> declarations = SyntaxFirst.declarationLines(textOf(resource),
                Declarations.starters((ParserRule) GrammarUtil.allRules(grammar.getGrammar()).get(0)));
        Issue firstSyntax = sorted.stream().filter(Issue::isSyntaxError).findFirst().orElseThrow();
        List<Issue> kept = new ArrayList<>();
        for (Diagnostic d : SyntaxFirst.apply(diagnostics, path -> declarations)) {
            Issue original = byDiagnostic.get(d);
            kept.add(original != null ? original : note(d, firstSyntax));
        }
        return kept;
    }

    /** The trailing note, placed where the first syntax error is. */
    private static Issue note(Diagnostic d, Issue at) {
        Issue.IssueImpl note = new Issue.IssueImpl();
        note.setSeverity(Severity.INFO);
        note.setCode(d.code());
        note.setMessage(d.message());
        note.setLineNumber(at.getLineNumber());
        note.setColumn(at.getColumn());
        note.setOffset(at.getOffset());
        note.setLength(at.getLength());
        note.setLineNumberEnd(at.getLineNumberEnd());
        note.setColumnEnd(at.getColumnEnd());
        note.setUriToProblem(at.getUriToProblem());
        note.setType(at.getType());
        note.setSyntaxError(false);
        return note;
    }

    private static Diagnostic.Severity severity(Severity s) {
        return switch (s) {
            case ERROR -> Diagnostic.Severity.ERROR;
            case WARNING -> Diagnostic.Severity.WARNING;
            default -> Diagnostic.Severity.INFO;
        };
    }

    private static String textOf(Resource r) {
        return r instanceof XtextResource x && x.getParseResult() != null ? x.getParseResult().getRootNode().getText()
                : "";
    }
}
