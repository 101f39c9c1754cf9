// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.documentation.KeywordDocumentation;

import com.google.inject.Guice;

/**
 * Drives the Orrery language server through LSP4J over a pipe, as an editor would: open a document,
 * receive diagnostics with rule codes, ask for completion and hover.
 */
class LanguageServerTest {

    private static final String SOURCE = """
            system demo
            board sim { cores 1 memory 64 MiB tick 1 ms }
            /** Flight control: the most critical partition. */
            partition fcs {
                cores 0
                memory 8 MiB
                policy edf
                application "demo.Fcs"
                process control periodic period 10 ms wcet 1 ms priority 3
            }
            plan main {
                core 0 major-frame 10 ms {
                    window fcs at 0 ms duration 6 ms
                    window fcs at 5 ms duration 2 ms
                }
            }
            """;

    @TempDir
    Path workspace;

    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private final List<AutoCloseable> closeables = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        closeables.addAll(List.of(serverIn, clientOut, clientIn, serverOut));

        LanguageServerImpl impl = Guice.createInjector(new ServerModule()).getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
        impl.connect(serverSide.getRemoteProxy());
        serverSide.startListening();

        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        clientSide.startListening();
        server = clientSide.getRemoteProxy();

        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
        setRootUri(init, workspace.toUri().toString());
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    // Xtext's workspace manager still reads the (deprecated) root URI; set it the way older clients do.
    @SuppressWarnings("deprecation")
    private static void setRootUri(InitializeParams init, String uri) {
        init.setRootUri(uri);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } finally {
            for (AutoCloseable c : closeables) {
                c.close();
            }
        }
    }

    private String open(String text) throws IOException {
        Path file = workspace.resolve("demo.orrery");
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "orrery", 1, text)));
        return uri;
    }

    private List<Diagnostic> diagnosticsFor(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(1, TimeUnit.SECONDS);
            if (p != null && sameFile(p.getUri(), uri) && !p.getDiagnostics().isEmpty()) {
                return p.getDiagnostics();
            }
        }
        throw new AssertionError("no diagnostics published for " + uri);
    }

    private static boolean sameFile(String a, String b) {
        return Path.of(java.net.URI.create(a)).equals(Path.of(java.net.URI.create(b)));
    }

    @Test
    void publishesRuleDiagnosticsWithCodeAndRange() throws Exception {
        String uri = open(SOURCE);
        List<Diagnostic> list = diagnosticsFor(uri);
        Diagnostic overlap = list.stream().filter(d -> d.getCode() != null && "windows-overlap".equals(d.getCode().getLeft()))
                .findFirst().orElseThrow(() -> new AssertionError(list.toString()));
        assertEquals(DiagnosticSeverity.Error, overlap.getSeverity());
        int secondWindow = (int) SOURCE.lines().takeWhile(l -> !l.contains("window fcs at 5 ms")).count();
        assertEquals(secondWindow, overlap.getRange().getStart().getLine(), "0-based line of the second window");
        String message = overlap.getMessage().isLeft() ? overlap.getMessage().getLeft() : overlap.getMessage().getRight().getValue();
        assertTrue(message.startsWith("Window of 'fcs' at 5 ms overlaps"), message);
    }

    @Test
    void completesPolicyKeywords() throws Exception {
        String text = SOURCE.replace("policy edf", "policy ");
        String uri = open(text);
        int line = (int) text.lines().takeWhile(l -> !l.contains("policy ")).count();
        int col = text.lines().skip(line).findFirst().orElseThrow().indexOf("policy ") + "policy ".length();
        CompletionParams params = new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, col));
        Either<List<CompletionItem>, org.eclipse.lsp4j.CompletionList> result =
                server.getTextDocumentService().completion(params).get(60, TimeUnit.SECONDS);
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.containsAll(List.of("fixed-priority", "edf", "round-robin")), labels.toString());
    }

    @Test
    void keywordProposalsExplainThemselvesAsTheReferenceDoes() throws Exception {
        String text = SOURCE.replace("policy edf", "policy ");
        String uri = open(text);
        int line = (int) text.lines().takeWhile(l -> !l.contains("policy ")).count();
        int col = text.lines().skip(line).findFirst().orElseThrow().indexOf("policy ") + "policy ".length();
        Either<List<CompletionItem>, org.eclipse.lsp4j.CompletionList> result = server.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, col)))
                .get(60, TimeUnit.SECONDS);
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        CompletionItem edf = items.stream().filter(i -> i.getLabel().equals("edf")).findFirst()
                .orElseThrow(() -> new AssertionError(items.toString()));
        String expected = KeywordDocumentation.all().get("Policy.edf");
        assertEquals(expected, edf.getDocumentation().isLeft() ? edf.getDocumentation().getLeft()
                : edf.getDocumentation().getRight().getValue());
        assertEquals(KeywordDocumentation.summary(expected), edf.getDetail());
    }

    @Test
    void hoverOnAKeywordShowsWhatTheReferenceSays() throws Exception {
        String uri = open(SOURCE);
        assertEquals(KeywordDocumentation.all().get("Partition.memory"), hoverText(uri, "    memory 8 MiB", "memory", 2));
        assertEquals(KeywordDocumentation.all().get("Board.memory"), hoverText(uri, "board sim", "memory", 0));
        assertEquals(KeywordDocumentation.all().get("Policy.edf"), hoverText(uri, "policy edf", "edf", 1));
        assertEquals(KeywordDocumentation.all().get("SizeUnit.MiB"), hoverText(uri, "    memory 8 MiB", "MiB", 1));
    }

    private String hoverText(String uri, String lineContaining, String word, int into) throws Exception {
        int line = (int) SOURCE.lines().takeWhile(l -> !l.contains(lineContaining)).count();
        int col = SOURCE.lines().skip(line).findFirst().orElseThrow().indexOf(word) + into;
        Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(line, col))).get(60, TimeUnit.SECONDS);
        assertNotNull(hover);
        return hover.getContents().getRight().getValue();
    }

    @Test
    void hoverOnAReferenceShowsTheDeclarationsDocumentation() throws Exception {
        String uri = open(SOURCE);
        int line = (int) SOURCE.lines().takeWhile(l -> !l.contains("window fcs at 0 ms")).count();
        int col = SOURCE.lines().skip(line).findFirst().orElseThrow().indexOf("fcs") + 1;
        Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(line, col))).get(60, TimeUnit.SECONDS);
        assertNotNull(hover);
        String text = hover.getContents().isRight() ? hover.getContents().getRight().getValue()
                : hover.getContents().getLeft().toString();
        assertTrue(text.contains("Flight control: the most critical partition."), text);
    }

    @Test
    void hoverOnAProcessShowsItsTimingAndResponseTime() throws Exception {
        String uri = open(SOURCE);
        int line = (int) SOURCE.lines().takeWhile(l -> !l.contains("process control")).count();
        int col = SOURCE.lines().skip(line).findFirst().orElseThrow().indexOf("control") + 2;
        Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(line, col))).get(60, TimeUnit.SECONDS);
        assertNotNull(hover);
        String text = hover.getContents().getRight().getValue();
        assertTrue(text.contains("Periodic, period 10 ms, WCET 1 ms, priority 3."), text);
        assertTrue(text.contains("Worst-case response time in plan 'main': 10 ms (EDF demand-bound analysis)."), text);
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
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
