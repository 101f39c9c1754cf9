// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.studio.editor.tests.ServerSession.having;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.IDocument;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.ide.highlighting.SemanticTokens;

/**
 * The server's copy of a document stays equal to the editor's through incremental changes: typed, deleted,
 * pasted over several lines, with Windows line ends. Checked by comparing what the server parsed of the edited
 * document with what it parses of the same final text opened fresh.
 */
class LspDocumentTest extends ServerSessionTest {

    private static List<SemanticTokens.Token> tokens(ServerSession.Opened o) throws Exception {
        return session.service().semanticTokens(o.uri()).get(ServerSession.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void incrementalChangesWithCrlfKeepTheServersCopyEqual() throws Exception {
        String crlf = Systems.TWO_PARTITIONS.replace("\n", "\r\n");
        ServerSession.Opened edited = session.open("crlf.orrery", crlf);
        IDocument doc = edited.doc();

        // Typed: a character inside a name.
        doc.replace(doc.get().indexOf("partition nav") + "partition nav".length(), 0, "x");
        doc.replace(doc.get().indexOf("window nav") + "window nav".length(), 0, "x");
        // Deleted: a whole line with its line end.
        int port = doc.getLineOfOffset(doc.get().indexOf("port cmd_out"));
        doc.replace(doc.getLineOffset(port), doc.getLineLength(port), "");
        // Pasted: several lines replacing a line's end and the line after it.
        int window = doc.get().indexOf("duration 4 ms\r\n") + "duration ".length();
        doc.replace(window, "4 ms\r\n        window".length(), "3 ms\r\n        window fcs at 3 ms duration 1 ms\r\n        window");
        // Typed inside a line, then at the very end of the document.
        int frame = doc.get().indexOf("major-frame 10 ms {");
        doc.replace(frame + "major-frame 10 ms".length(), 0, " ");
        doc.replace(doc.getLength(), 0, "\r\n// end\r\n");
        assertEquals(7, edited.lsp().version(), "one didChange per edit after the didOpen");

        ServerSession.Opened fresh = session.open("fresh.orrery", doc.get());
        fresh.awaitDiagnostics(list -> true, "the fresh copy to be built");
        assertEquals(tokens(fresh), tokens(edited));
    }

    @Test
    void aDeletionAndItsUndoAreBothSeen() throws Exception {
        ServerSession.Opened o = session.open("undo.orrery", Systems.BEYOND_FRAME);
        o.awaitDiagnostics(having("window-beyond-frame"), "window-beyond-frame");
        IDocument doc = o.doc();
        int at = doc.get().indexOf(Systems.LONG_WINDOW);
        String line = Systems.LONG_WINDOW + "\n";
        doc.replace(at, line.length(), "");
        o.awaitDiagnostics(ServerSession.without("window-beyond-frame"), "the deleted window's diagnostic to go");
        doc.replace(at, 0, line);
        o.awaitDiagnostics(having("window-beyond-frame"), "the restored window's diagnostic");
        assertEquals(Systems.BEYOND_FRAME, doc.get());
    }
}
