// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Uris;

/**
 * The editor's core without the editor: one in-process language server over a folder, documents opened through
 * {@link LspDocument} exactly as the workbench editor opens them, and the diagnostics last published for each.
 */
final class ServerSession implements AutoCloseable {

    /** Generous: two cores are shared with other builds, and the first request warms up the whole language. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path folder;
    private final OrreryLanguageService service;
    private final List<AutoCloseable> opened = new ArrayList<>();

    ServerSession(Path folder) {
        this.folder = folder;
        this.service = OrreryLanguageService.start(folder.toUri());
    }

    OrreryLanguageService service() {
        return service;
    }

    /** A document of the folder holding {@code text}, on disk as an editor's file is, and open in the server. */
    Opened open(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        String uri = Uris.of(file);
        AtomicReference<List<Diagnostic>> latest = new AtomicReference<>();
        Runnable stop = service.onDiagnostics(uri, latest::set);
        IDocument doc = new Document(text);
        LspDocument lsp = new LspDocument(service, uri, doc).open();
        Opened o = new Opened(lsp, doc, latest);
        opened.add(() -> {
            stop.run();
            lsp.close();
        });
        return o;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        service.close();
    }

    /** An open document and what the server last said about it. */
    record Opened(LspDocument lsp, IDocument doc, AtomicReference<List<Diagnostic>> latest) {

        String uri() {
            return lsp.uri();
        }

        /** Waits until the diagnostics last published satisfy {@code condition}, and answers them. */
        List<Diagnostic> awaitDiagnostics(Predicate<List<Diagnostic>> condition, String what)
                throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                List<Diagnostic> now = latest.get();
                if (now != null && condition.test(now)) {
                    return now;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s for " + what + "; last published: "
                    + latest.get());
        }
    }

    /** The rule code of {@code d}, or "" for a diagnostic without one. */
    static String code(Diagnostic d) {
        return d.getCode() == null ? "" : d.getCode().isLeft() ? d.getCode().getLeft() : d.getCode().getRight().toString();
    }

    static Predicate<List<Diagnostic>> having(String code) {
        return list -> list.stream().anyMatch(d -> code.equals(code(d)));
    }

    static Predicate<List<Diagnostic>> without(String code) {
        return having(code).negate();
    }
}
