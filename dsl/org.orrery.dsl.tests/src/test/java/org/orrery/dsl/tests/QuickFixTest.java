// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.ide.OrreryIdeSetup;
import org.orrery.dsl.validation.OrreryIssueCodes;

import com.google.inject.Injector;

/**
 * The quick fixes of the schedule rules, through the LSP code-action service: each rule's negative fixture
 * gets a fix whose edits make that rule's error disappear (checked by compiling the result).
 */
class QuickFixTest {

    private static final Injector INJECTOR = new OrreryIdeSetup().createInjectorAndDoEMFRegistration();
    private static final SystemCompiler COMPILER = SystemCompiler.create();

    @TempDir
    Path dir;

    @Test
    void windowBeyondFrameExtendsTheMajorFrame() throws Exception {
        List<CodeAction> actions = actions(OrreryIssueCodes.WINDOW_BEYOND_FRAME);
        assertEquals("Extend the major frame of core 1 to 11 ms", actions.get(0).getTitle());
        String fixed = applyAndCheck(OrreryIssueCodes.WINDOW_BEYOND_FRAME, actions.get(0));
        assertTrue(fixed.contains("core 1 major-frame 11 ms {"), fixed);
    }

    @Test
    void windowsOverlapMovesTheLaterWindowOrShortensTheEarlierOne() throws Exception {
        List<CodeAction> actions = actions(OrreryIssueCodes.WINDOWS_OVERLAP);
        assertEquals(2, actions.size(), actions.toString());
        String moved = applyAndCheck(OrreryIssueCodes.WINDOWS_OVERLAP, actions.get(0));
        assertTrue(moved.contains("window a at 5 ms duration 2 ms"), moved);
        String shortened = applyAndCheck(OrreryIssueCodes.WINDOWS_OVERLAP, actions.get(1));
        assertTrue(shortened.contains("window a at 0 ms duration 4 ms"), shortened);
    }

    @Test
    void partitionWithoutWindowGetsOneInAFreeSlot() throws Exception {
        List<CodeAction> actions = actions(OrreryIssueCodes.PARTITION_WITHOUT_WINDOW);
        String fixed = applyAndCheck(OrreryIssueCodes.PARTITION_WITHOUT_WINDOW, actions.get(0));
        assertTrue(fixed.contains("""
                    core 1 major-frame 10 ms {
                        window b at 0 ms duration 10 ms
                    }
                """), fixed);
    }

    @Test
    void aFreeSlotOnAnExistingCoreIsUsedFirst() throws Exception {
        String text = Files.readString(Fixtures.fixture("partition-without-window.orrery"))
                .replace("partition b {\n    cores 1", "partition b {\n    cores 0");
        Path file = dir.resolve("free-slot.orrery");
        Files.writeString(file, text);
        List<CodeAction> actions = actions(file, OrreryIssueCodes.PARTITION_WITHOUT_WINDOW);
        String fixed = apply(file, actions.get(0));
        assertTrue(fixed.contains("""
                        window a at 0 ms duration 5 ms
                        window b at 5 ms duration 5 ms
                """), fixed);
    }

    private List<CodeAction> actions(String code) throws Exception {
        return actions(Fixtures.fixture(code + ".orrery").toAbsolutePath(), code);
    }

    private List<CodeAction> actions(Path file, String code) throws Exception {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.getResource(URI.createFileURI(file.toAbsolutePath().toString()),
                true);
        List<Issue> issues = resource.getResourceServiceProvider().getResourceValidator().validate(resource,
                CheckMode.ALL, CancelIndicator.NullImpl);
        Issue issue = issues.stream().filter(i -> code.equals(i.getCode())).findFirst().orElseThrow();
        Document document = new Document(1, Files.readString(file));
        Diagnostic diagnostic = new Diagnostic(new Range(document.getPosition(issue.getOffset()),
                document.getPosition(issue.getOffset() + issue.getLength())), issue.getMessage());
        diagnostic.setCode(code);
        ICodeActionService2.Options options = new ICodeActionService2.Options();
        options.setDocument(document);
        options.setResource(resource);
        options.setURI(file.toUri().toString());
        options.setCodeActionParams(new CodeActionParams(new TextDocumentIdentifier(options.getURI()),
                diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))));
        List<Either<Command, CodeAction>> result = INJECTOR.getInstance(ICodeActionService2.class)
                .getCodeActions(options);
        assertFalse(result.isEmpty(), "a quick fix for " + code);
        return result.stream().map(Either::getRight).toList();
    }

    private String applyAndCheck(String code, CodeAction action) throws Exception {
        Path file = dir.resolve(code + ".orrery");
        Files.copy(Fixtures.fixture(code + ".orrery"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String fixed = apply(Fixtures.fixture(code + ".orrery").toAbsolutePath(), action);
        Files.writeString(file, fixed);
        List<String> left = COMPILER.compile(file).diagnostics().stream()
                .filter(d -> code.equals(d.code())).map(org.orrery.dsl.Diagnostic::format).toList();
        assertTrue(left.isEmpty(), "after '" + action.getTitle() + "': " + left + "\n" + fixed);
        return fixed;
    }

    private static String apply(Path original, CodeAction action) throws Exception {
        List<TextEdit> edits = action.getEdit().getChanges().values().iterator().next();
        return new Document(1, Files.readString(original)).applyChanges(edits).getContents();
    }
}
