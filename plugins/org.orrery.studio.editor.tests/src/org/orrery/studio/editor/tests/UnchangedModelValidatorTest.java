// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.editor.core.UnchangedModelValidator;

/**
 * The editor server's validator answers from the last validation only while no model of the resource set changed:
 * not after an update of the document, not after a change of a file it imports, not when the set holds another
 * resource, not after a cancelled validation.
 */
class UnchangedModelValidatorTest {

    @TempDir
    Path dir;

    private final EditorLanguage language = EditorLanguage.withEditorBindings();
    private final IResourceValidator validator = language.get(IResourceValidator.class);

    @Test
    void theEditorsValidatorIsThisOne() {
        assertInstanceOf(UnchangedModelValidator.class, validator);
    }

    @Test
    void anUnchangedDocumentIsAnsweredFromItsLastValidationAndAnUpdatedOneIsValidated() throws Exception {
        XtextResource r = EditorLanguage.load(language.resourceSet(), dir.resolve("a.orrery"), Systems.BEYOND_FRAME);
        String first = validate(r, false);
        assertTrue(first.contains("window-beyond-frame"), first);
        assertEquals(first, validate(r, true), "nothing changed: the same issues, not found again");

        String text = r.getParseResult().getRootNode().getText();
        r.update(text.indexOf(Systems.LONG_WINDOW), Systems.LONG_WINDOW.length(), Systems.FITTING_WINDOW);
        String fixed = validate(r, false);
        assertTrue(!fixed.contains("window-beyond-frame"), fixed);
        assertEquals(fixed, validate(r, true));
    }

    @Test
    void aChangeOfAnImportedFileIsNotAnsweredFromTheLastValidation() throws Exception {
        XtextResourceSet set = language.resourceSet();
        XtextResource imported = EditorLanguage.load(set, dir.resolve("partitions.orrery"), Systems.IMPORTED);
        XtextResource system = EditorLanguage.load(set, dir.resolve("system.orrery"), Systems.IMPORTING);
        String clean = validate(system, false);
        assertEquals("[]", clean, "the importing system links and passes");
        assertEquals(clean, validate(system, true));

        // The imported file is edited in place, as an open document is: the importing system is validated anew.
        String text = imported.getParseResult().getRootNode().getText();
        imported.update(text.indexOf("cmd_out"), "cmd_out".length(), "cmd_gone");
        validate(system, false);
        validate(system, true);
    }

    @Test
    void anotherResourceInTheSetIsNotAnsweredFromTheLastValidation() throws Exception {
        XtextResourceSet set = language.resourceSet();
        XtextResource r = EditorLanguage.load(set, dir.resolve("a.orrery"), Systems.TWO_PARTITIONS);
        validate(r, false);
        EditorLanguage.load(set, dir.resolve("b.orrery"), Systems.BEYOND_FRAME);
        validate(r, false);
        validate(r, true);
    }

    @Test
    void aCancelledValidationIsNotKept() throws Exception {
        XtextResource r = EditorLanguage.load(language.resourceSet(), dir.resolve("a.orrery"), Systems.BEYOND_FRAME);
        try {
            validator.validate(r, CheckMode.ALL, () -> true);
        } catch (OperationCanceledError cancelled) {
            // Xtext's answer to a validation cancelled before its first object
        }
        String after = validate(r, false);
        assertTrue(after.contains("window-beyond-frame"), after);
        validate(r, true);
    }

    /**
     * The issues of a complete validation of {@code r}, and whether it was answered from the last one as
     * {@code reused} says it must have been.
     */
    private String validate(XtextResource r, boolean reused) {
        long before = UnchangedModelValidator.reused();
        List<Issue> issues = validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
        assertEquals(reused ? before + 1 : before, UnchangedModelValidator.reused(),
                reused ? "answered from the last validation" : "validated anew");
        return issues.stream().map(i -> i.getCode() + " " + i.getLineNumber() + " " + i.getMessage()).toList().toString();
    }
}
