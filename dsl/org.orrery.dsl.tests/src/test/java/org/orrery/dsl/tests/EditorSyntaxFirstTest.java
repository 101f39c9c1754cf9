// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.ide.OrreryIdeSetup;

import com.google.inject.Injector;

/**
 * The editor (the language server's validator, which Studio's Source page and {@code orrery lsp} use) reports a
 * half-parsed file as the command line does: the syntax errors and the note, not the rules' findings about what
 * the parser's recovery made of it.
 */
class EditorSyntaxFirstTest {

    private static final Injector INJECTOR = new OrreryIdeSetup().createInjectorAndDoEMFRegistration();

    private static List<Issue> issues(Path file) {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.getResource(URI.createFileURI(file.toAbsolutePath().toString()),
                true);
        return resource.getResourceServiceProvider().getResourceValidator().validate(resource, CheckMode.ALL,
                CancelIndicator.NullImpl);
    }

    @Test
    void aHalfParsedFileShowsTheSameProblemsAsOrreryCheck() {
        Path file = Fixtures.fixture("syntax-list.orrery");
        List<Issue> issues = issues(file);
        Compilation c = SystemCompiler.create().compile(file);
        assertEquals(c.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.severity() + " "
                + d.message()).toList(), issues.stream().map(i -> i.getLineNumber() + ":" + i.getColumn() + " "
                        + i.getSeverity() + " " + i.getMessage()).toList());
        Issue note = issues.get(issues.size() - 1);
        assertEquals(Severity.INFO, note.getSeverity());
        assertTrue(note.getMessage().contains("rules are checked once every file parses"), note.getMessage());
    }

    /** Studio's builder compiles over the editor's injector: the rule applied twice gives the same report. */
    @Test
    void theBuilderOverTheEditorsSetUpReportsAsTheCommandLine() {
        Path file = Fixtures.fixture("syntax-list.orrery");
        assertEquals(SystemCompiler.create().compile(file).diagnostics(),
                SystemCompiler.with(INJECTOR).compile(file).diagnostics());
    }

    @Test
    void aFileThatParsesGetsEveryRule() {
        Path file = Fixtures.fixture("window-beyond-frame.orrery");
        assertTrue(issues(file).stream().anyMatch(i -> "window-beyond-frame".equals(i.getCode())));
    }
}
