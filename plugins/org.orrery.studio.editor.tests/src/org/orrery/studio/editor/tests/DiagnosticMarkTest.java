// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.core.DiagnosticMark;

/** An LSP diagnostic as the editor's annotation: the platform's types and the CLI's `[code] message` text. */
class DiagnosticMarkTest {

    private final IDocument doc = new Document("plan main {\r\n    window fcs at 0 ms duration 12 ms\r\n}");

    private static Diagnostic diagnostic(DiagnosticSeverity severity) {
        Diagnostic d = new Diagnostic(new Range(new Position(1, 32), new Position(1, 37)), "beyond the frame");
        d.setSeverity(severity);
        return d;
    }

    @Test
    void marksTheRangeWithTheRuleCode() {
        Diagnostic d = diagnostic(DiagnosticSeverity.Error);
        d.setCode("window-beyond-frame");
        DiagnosticMark mark = DiagnosticMark.of(doc, d);
        assertEquals(doc.get().indexOf("12 ms"), mark.offset());
        assertEquals(5, mark.length());
        assertEquals(DiagnosticMark.ERROR, mark.annotationType());
        assertEquals("[window-beyond-frame] beyond the frame", mark.text());
        assertEquals("window-beyond-frame", mark.code());
    }

    @Test
    void severitiesMapToThePlatformsAnnotationTypes() {
        assertEquals(DiagnosticMark.ERROR, DiagnosticMark.of(doc, diagnostic(DiagnosticSeverity.Error)).annotationType());
        assertEquals(DiagnosticMark.WARNING,
                DiagnosticMark.of(doc, diagnostic(DiagnosticSeverity.Warning)).annotationType());
        assertEquals(DiagnosticMark.INFO,
                DiagnosticMark.of(doc, diagnostic(DiagnosticSeverity.Information)).annotationType());
        assertEquals(DiagnosticMark.INFO, DiagnosticMark.of(doc, diagnostic(DiagnosticSeverity.Hint)).annotationType());
        // LSP: a client decides how to show a diagnostic without severity; an unknown problem is shown as an error.
        assertEquals(DiagnosticMark.ERROR, DiagnosticMark.of(doc, diagnostic(null)).annotationType());
    }

    @Test
    void withoutACodeTheMessageStandsAlone() {
        DiagnosticMark mark = DiagnosticMark.of(doc, diagnostic(DiagnosticSeverity.Warning));
        assertEquals("beyond the frame", mark.text());
        assertEquals("", mark.code());
    }

    @Test
    void numericCodesAndMarkupMessagesAreText() {
        Diagnostic d = diagnostic(DiagnosticSeverity.Error);
        d.setCode(Either.forRight(42));
        d.setMessage(new MarkupContent("markdown", "window *beyond* the frame"));
        DiagnosticMark mark = DiagnosticMark.of(doc, d);
        assertEquals("[42] window *beyond* the frame", mark.text());
        assertEquals("42", mark.code());
    }

    @Test
    void aRangeOfAnOlderTextIsClampedIntoTheDocument() {
        Diagnostic d = new Diagnostic(new Range(new Position(2, 0), new Position(7, 3)), "gone");
        DiagnosticMark mark = DiagnosticMark.of(doc, d);
        assertEquals(doc.getLength() - 1, mark.offset());
        assertEquals(1, mark.length());
    }
}
