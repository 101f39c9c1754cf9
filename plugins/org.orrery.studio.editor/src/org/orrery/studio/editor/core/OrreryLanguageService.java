// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.resource.XtextResource;
import org.orrery.dsl.ide.highlighting.SemanticTokens;

/**
 * One language server shared by every Orrery editor of a workbench (or of a headless test), plus the client
 * end that routes published diagnostics to whoever listens for that document.
 */
public final class OrreryLanguageService implements AutoCloseable {

    private static volatile OrreryLanguageService shared;

    private final InProcessServer server;
    private final Map<String, List<Consumer<List<Diagnostic>>>> listeners = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> latest = new ConcurrentHashMap<>();

    private OrreryLanguageService(URI root) {
        this.server = InProcessServer.start(root, new Client());
    }

    /** A service over the folder {@code root}; callers own it and close it. */
    public static OrreryLanguageService start(URI root) {
        return new OrreryLanguageService(root);
    }

    /**
     * The workbench's service, started on first use over {@code root} (the workspace location): by the first editor
     * that opens, or in the background when the workbench opens a workspace with Orrery projects (starting takes a
     * moment: Xtext builds the folder). A caller that comes while another starts it waits for that start.
     */
    public static OrreryLanguageService shared(URI root) {
        OrreryLanguageService s = shared;
        if (s == null) {
            synchronized (OrreryLanguageService.class) {
                s = shared;
                if (s == null) {
                    s = new OrreryLanguageService(root);
                    shared = s;
                }
            }
        }
        return s;
    }

    /** The workbench's service if it has been started, else null. */
    public static OrreryLanguageService running() {
        return shared;
    }

    public LanguageServer server() {
        return server.server();
    }

    /** What each name of the document {@code uri} means, on the server's current parse of it. */
    public CompletableFuture<List<SemanticTokens.Token>> semanticTokens(String uri) {
        return server.semanticTokens(uri);
    }

    /** Reads the server's current resource of {@code uri}; see {@link InProcessServer#read}. */
    public <T> CompletableFuture<T> read(String uri, Function<XtextResource, T> reading) {
        return server.read(uri, reading);
    }

    /** Listens for the diagnostics of {@code uri}; the last ones published are delivered at once. */
    public Runnable onDiagnostics(String uri, Consumer<List<Diagnostic>> listener) {
        String key = Uris.key(uri);
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        List<Diagnostic> last = latest.get(key);
        if (last != null) {
            listener.accept(last);
        }
        return () -> listeners.getOrDefault(key, List.of()).remove(listener);
    }

    /**
     * Waits for a request; {@code null} when it does not answer in time or fails. Editors must not hang on a
     * slow analysis: a missing hover or proposal list is better than a frozen UI thread.
     */
    public static <T> T await(CompletableFuture<T> request, Duration timeout) {
        try {
            return request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            request.cancel(true);
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (OrreryLanguageService.class) {
            if (shared == this) {
                shared = null;
            }
        }
        server.close();
    }

    private final class Client implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            String key = Uris.key(params.getUri());
            List<Diagnostic> list = List.copyOf(params.getDiagnostics());
            latest.put(key, list);
            for (Consumer<List<Diagnostic>> l : listeners.getOrDefault(key, List.of())) {
                l.accept(list);
            }
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }
}
