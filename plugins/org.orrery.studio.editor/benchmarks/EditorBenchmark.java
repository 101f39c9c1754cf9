// SPDX-License-Identifier: EPL-2.0
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.Document;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Uris;

/**
 * Editor benchmark (reported, not asserted): the editor's document sync and the in-process language server,
 * exactly as the workbench editor uses them, minus SWT painting. Measures server start, open → first
 * diagnostics, and keystroke → diagnostics on a large system.
 */
public final class EditorBenchmark {

    public static void main(String[] args) throws Exception {
        Path system = Path.of(args[0]);
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path workspace = Files.createTempDirectory("orrery-editor-bench");
        Path file = workspace.resolve(system.getFileName());
        Files.copy(system, file);
        String text = Files.readString(file);

        long t0 = System.nanoTime();
        OrreryLanguageService service = OrreryLanguageService.start(workspace.toUri());
        long started = System.nanoTime();
        String uri = Uris.of(file);
        LinkedBlockingQueue<Long> published = new LinkedBlockingQueue<>();
        service.onDiagnostics(uri, d -> published.add(System.nanoTime()));
        Document doc = new Document(text);
        long openAt = System.nanoTime();
        LspDocument lsp = new LspDocument(service, uri, doc).open();
        Long first = published.poll(5, TimeUnit.MINUTES);
        report("server start (incl. workspace scan of the file)", started - t0);
        report("open -> first diagnostics", first - openAt);

        // A keystroke where people type: a digit of a window's duration, typed and typed back.
        int at = text.indexOf("duration ") + "duration ".length();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < keystrokes; i++) {
            published.clear();
            String original = doc.get(at, 1);
            long typed = System.nanoTime();
            doc.replace(at, 1, i % 2 == 0 ? "9" : original.equals("9") ? "1" : original);
            Long done = published.poll(60, TimeUnit.SECONDS);
            if (done == null) {
                throw new IllegalStateException("no diagnostics after keystroke " + i);
            }
            latencies.add(done - typed);
        }
        Collections.sort(latencies);
        report("keystroke -> diagnostics, median of " + keystrokes, latencies.get(latencies.size() / 2));
        report("keystroke -> diagnostics, p90", latencies.get(latencies.size() * 9 / 10));
        report("keystroke -> diagnostics, min", latencies.get(0));
        lsp.close();
        service.close();
        System.exit(0);
    }

    private static void report(String what, long ns) {
        System.out.printf("%-55s %9.1f ms%n", what, ns / 1e6);
    }
}
