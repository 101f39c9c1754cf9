// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.studio.editor.tests.ServerSession.code;
import static org.orrery.studio.editor.tests.ServerSession.having;
import static org.orrery.studio.editor.tests.ServerSession.without;

import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.core.LspRequests;
import org.orrery.studio.editor.core.Positions;
import org.orrery.studio.editor.core.TextEdits;
import org.orrery.studio.editor.core.Uris;

/** Format, references, rename and quick fixes: the server's answers, applied with the editor's own edit code. */
class LspRequestsTest extends ServerSessionTest {

    private static ServerSession.Opened open(String name, String text) throws Exception {
        ServerSession.Opened o = session.open(name, text);
        // The first publication means the server has built the document.
        o.awaitDiagnostics(list -> true, "the document to be built");
        return o;
    }

    @Test
    void formatGivesTheCanonicalLayoutAsOneEditSet() throws Exception {
        String messy = Systems.TWO_PARTITIONS.replace("    cores 0\n    memory 8 MiB", "cores 0    memory   8 MiB")
                .replace("        window fcs", "window fcs").replace("system demo\n\n", "system demo\n");
        ServerSession.Opened o = open("format.orrery", messy);

        TextEdits.apply(o.doc(), new LspRequests(o.lsp()).format());
        assertEquals(Systems.TWO_PARTITIONS, o.doc().get());
        assertEquals(List.of(), new LspRequests(o.lsp()).format(), "the canonical layout needs no edit");
    }

    @Test
    void referencesOfAPartitionAreItsDeclarationAndEveryWindow() throws Exception {
        ServerSession.Opened o = open("references.orrery", Systems.TWO_PARTITIONS);
        String text = o.doc().get();
        List<Location> refs = new LspRequests(o.lsp()).references(text.indexOf("partition nav") + "partition n".length());

        List<Range> ranges = refs.stream().peek(l -> assertEquals(Uris.key(o.uri()), Uris.key(l.getUri())))
                .map(Location::getRange).toList();
        Range declaration = Positions.toRange(o.doc(), text.indexOf("partition nav") + "partition ".length(), 3);
        Range window = Positions.toRange(o.doc(), text.indexOf("window nav") + "window ".length(), 3);
        assertTrue(ranges.contains(declaration), "the declaration: " + refs);
        assertTrue(ranges.contains(window), "the window: " + refs);
    }

    @Test
    void renameChangesTheDeclarationAndEveryReference() throws Exception {
        ServerSession.Opened o = open("rename.orrery", Systems.TWO_PARTITIONS);
        WorkspaceEdit edit = new LspRequests(o.lsp()).rename(o.doc().get().indexOf("window nav") + "window na".length(),
                "navigation");
        assertNotNull(edit, "rename accepted");

        List<String> missing = TextEdits.apply(edit, uri -> Uris.key(uri).equals(Uris.key(o.uri())) ? o.doc() : null);
        assertEquals(List.of(), missing);
        String renamed = o.doc().get();
        assertTrue(renamed.contains("partition navigation {"), renamed);
        assertTrue(renamed.contains("window navigation at 4 ms"), renamed);
        assertTrue(renamed.contains("to navigation.cmd_in"), "the qualified port name too: " + renamed);
        assertTrue(!renamed.contains(" nav ") && !renamed.contains(" nav."), renamed);
        o.awaitDiagnostics(list -> list.stream().noneMatch(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error),
                "the renamed system to link");
    }

    @Test
    void aQuickFixForAWindowBeyondTheFrameExtendsTheFrame() throws Exception {
        ServerSession.Opened o = session.open("fix.orrery", Systems.BEYOND_FRAME);
        List<Diagnostic> found = o.awaitDiagnostics(having("window-beyond-frame"), "window-beyond-frame");
        List<Diagnostic> beyond = found.stream().filter(d -> code(d).equals("window-beyond-frame")).toList();

        List<CodeAction> fixes = new LspRequests(o.lsp()).quickFixes(beyond);
        CodeAction extend = fixes.stream().filter(a -> a.getTitle().equals("Extend the major frame of core 0 to 12 ms"))
                .findFirst().orElseThrow(() -> new AssertionError(fixes.stream().map(CodeAction::getTitle).toList()));
        TextEdits.apply(extend.getEdit(), uri -> o.doc());

        assertTrue(o.doc().get().contains("core 0 major-frame 12 ms {"), o.doc().get());
        o.awaitDiagnostics(without("window-beyond-frame"), "the fixed window's diagnostic to go");
    }

    @Test
    void noDiagnosticsNoQuickFixes() throws Exception {
        ServerSession.Opened o = open("nofix.orrery", Systems.TWO_PARTITIONS);
        assertEquals(List.of(), new LspRequests(o.lsp()).quickFixes(List.of()));
    }
}
