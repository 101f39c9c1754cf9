// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.studio.editor.tests.ServerSession.code;
import static org.orrery.studio.editor.tests.ServerSession.having;
import static org.orrery.studio.editor.tests.ServerSession.without;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.core.DiagnosticMark;
import org.orrery.studio.editor.core.Positions;

/**
 * The editor's main loop without the editor: a document with a broken rule is opened in the in-process server,
 * the diagnostic arrives for the right range, an edit fixes the text and the diagnostic goes.
 */
class DiagnosticsAsYouTypeTest extends ServerSessionTest {

    @Test
    void aBrokenRuleIsReportedOnItsValueAndGoesWhenTheTextIsFixed() throws Exception {
        ServerSession.Opened o = session.open("beyond.orrery", Systems.BEYOND_FRAME);
        List<Diagnostic> found = o.awaitDiagnostics(having("window-beyond-frame"), "window-beyond-frame");

        Diagnostic d = found.stream().filter(x -> code(x).equals("window-beyond-frame")).findFirst().orElseThrow();
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        // The rule marks the window's duration: the value and its unit, nothing else of the line.
        int duration = Systems.BEYOND_FRAME.indexOf(Systems.LONG_WINDOW) + Systems.LONG_WINDOW.indexOf("8 ms");
        assertEquals(Positions.toRange(o.doc(), duration, "8 ms".length()), d.getRange());
        DiagnosticMark mark = DiagnosticMark.of(o.doc(), d);
        assertEquals("8 ms", o.doc().get(mark.offset(), mark.length()));
        assertTrue(mark.text().startsWith("[window-beyond-frame] "), mark.text());

        // Typing the fix: one character, sent as an incremental change.
        o.doc().replace(duration, 1, "4");
        List<Diagnostic> after = o.awaitDiagnostics(without("window-beyond-frame"), "the diagnostic to go");
        assertTrue(after.stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error),
                "no error left in a valid system: " + after);
        assertEquals(Systems.TWO_PARTITIONS, o.doc().get());
    }

    @Test
    void anErrorTypedIntoAValidDocumentAppearsWhereItWasTyped() throws Exception {
        ServerSession.Opened o = session.open("typed.orrery", Systems.TWO_PARTITIONS);
        o.awaitDiagnostics(list -> list.stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error),
                "the valid system's first diagnostics");

        // A second window for fcs that overlaps the first one: inserted as a new line inside the frame.
        String before = "        window nav at 4 ms";
        int at = o.doc().get().indexOf(before);
        String inserted = "        window fcs at 2 ms duration 1 ms\n";
        o.doc().replace(at, 0, inserted);
        List<Diagnostic> found = o.awaitDiagnostics(having("windows-overlap"), "windows-overlap");

        Diagnostic d = found.stream().filter(x -> code(x).equals("windows-overlap")).findFirst().orElseThrow();
        int line = o.doc().getLineOfOffset(at);
        assertEquals(line, d.getRange().getStart().getLine(), "the new window's line: " + d);
        assertEquals(2, o.lsp().version(), "one change sent");
    }

    @Test
    void listenersUseEitherSpellingOfTheUriAndGetTheLastDiagnosticsAtOnce() throws Exception {
        ServerSession.Opened o = session.open("listen.orrery", Systems.BEYOND_FRAME);
        o.awaitDiagnostics(having("window-beyond-frame"), "window-beyond-frame");

        // Eclipse's spelling (file:/x) for the file the server names file:///x.
        String eclipseUri = folder.resolve("listen.orrery").toFile().toURI().toString();
        assertTrue(eclipseUri.startsWith("file:/") && !eclipseUri.startsWith("file:///"), eclipseUri);
        List<List<Diagnostic>> heard = new CopyOnWriteArrayList<>();
        Runnable stop = session.service().onDiagnostics(eclipseUri, heard::add);
        assertEquals(1, heard.size(), "a late listener hears the last publication at once");
        assertTrue(having("window-beyond-frame").test(heard.get(0)), heard.toString());

        stop.run();
        IDocument doc = o.doc();
        int duration = doc.get().indexOf(Systems.LONG_WINDOW) + Systems.LONG_WINDOW.indexOf("8 ms");
        doc.replace(duration, 1, "4");
        o.awaitDiagnostics(without("window-beyond-frame"), "the fix to be published");
        assertEquals(1, heard.size(), "nothing reaches a listener after it stopped listening");
    }
}
