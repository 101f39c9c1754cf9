// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code orrery lsp} as an editor meets it: a separate JVM started like the CLI, spoken to over its real stdin and
 * stdout by a client that frames JSON-RPC itself, with the server's stderr kept apart.
 */
class LspCommandTest {

    /** Generous: the first validation loads the whole language, on a build machine shared with other builds. */
    private static final Duration REPLY = Duration.ofSeconds(90);

    /** On disk the file is valid; the editor's buffer names process p twice (fixtures/duplicate-name.orrery). */
    private static final String VALID = """
            system demo

            board sim {
                cores 2
                memory 256 MiB
                tick 1 ms
            }

            partition a {
                cores 0
                memory 16 MiB
                application "demo.A"
                process p periodic period 10 ms priority 1 wcet 1 ms
                process q periodic period 10 ms priority 2 wcet 1 ms
                port out1 sampling out size 8 B
            }

            partition b {
                cores 1
                memory 16 MiB
                application "demo.B"
                process q periodic period 10 ms priority 1 wcet 1 ms
                port in1 sampling in size 8 B refresh 20 ms
            }

            channel c1 sampling from a.out1 to b.in1

            plan main {
                core 0 major-frame 10 ms {
                    window a at 0 ms duration 5 ms
                }
                core 1 major-frame 10 ms {
                    window b at 0 ms duration 5 ms
                }
            }
            """;
    /** Line 13 (0-based), the second "p" at column 12. */
    private static final String EDITED = VALID.replace("process q periodic period 10 ms priority 2",
            "process p periodic period 10 ms priority 2");

    @TempDir
    Path workspace;

    @Test
    void publishesDiagnosticsOfTheOpenedBufferAndExitsZeroAfterShutdown() throws Exception {
        Path file = workspace.resolve("system.orrery");
        Files.writeString(file, VALID);
        String uri = file.toUri().toString();
        Path stderr = workspace.resolve("lsp.stderr");

        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.orrery.cli.OrreryCli", "lsp")
                .redirectError(stderr.toFile())
                .start();
        try {
            JsonRpcPipe rpc = new JsonRpcPipe(server.getOutputStream(), server.getInputStream());

            rpc.send(request(1, "initialize", "{\"processId\": " + ProcessHandle.current().pid()
                    + ", \"rootUri\": \"" + workspace.toUri() + "\", \"capabilities\": {}}"));
            JsonObject init = rpc.await(m -> isResponse(m, 1), REPLY);
            assertTrue(init.getAsJsonObject("result").getAsJsonObject("capabilities").has("textDocumentSync"), init.toString());
            rpc.send(notification("initialized", "{}"));

            rpc.send(didOpen(uri, EDITED));

            // The workspace build may first publish the file's (empty) diagnostics from disk; the buffer's follow.
            JsonObject published = rpc.await(m -> "textDocument/publishDiagnostics".equals(method(m))
                    && uri.equals(m.getAsJsonObject("params").get("uri").getAsString())
                    && !m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty(), REPLY);
            JsonArray diagnostics = published.getAsJsonObject("params").getAsJsonArray("diagnostics");
            assertEquals(1, diagnostics.size(), diagnostics.toString());
            JsonObject d = diagnostics.get(0).getAsJsonObject();
            assertEquals(JsonParser.parseString("{\"start\": {\"line\": 13, \"character\": 12},"
                    + " \"end\": {\"line\": 13, \"character\": 13}}"), d.get("range"), d.toString());
            assertEquals("duplicate-name", d.get("code").getAsString(), d.toString());
            assertEquals("Name 'p' is already used by another process of partition 'a'; rename one of them.",
                    d.get("message").getAsString());
            assertEquals(1, d.get("severity").getAsInt(), "an error");

            // A request Xtext fails on makes it log (log4j, configured by Xtext for the console's stdout): the log
            // must reach stderr and leave stdout clean, which the pipe checks on every byte it reads.
            rpc.send(request(2, "textDocument/hover", "{\"textDocument\": {\"uri\": \""
                    + workspace.resolve("missing.orrery").toUri() + "\"}, \"position\": {\"line\": 0, \"character\": 0}}"));
            rpc.await(m -> isResponse(m, 2), REPLY);

            rpc.send(request(3, "shutdown", null));
            JsonObject shutdown = rpc.await(m -> isResponse(m, 3), REPLY);
            assertTrue(shutdown.has("result") && !shutdown.has("error"), shutdown.toString());
            rpc.send(notification("exit", (String) null));

            assertTrue(server.waitFor(REPLY.toSeconds(), TimeUnit.SECONDS), "the server exits on 'exit'");
            assertEquals(0, server.exitValue(), Files.readString(stderr));
            assertTrue(rpc.endedCleanly(REPLY), "stdout held whole JSON-RPC messages only");
            String log = Files.readString(stderr);
            assertTrue(log.contains("ERROR") && log.contains("missing.orrery"), "Xtext's log is on stderr:\n" + log);
        } finally {
            server.destroyForcibly();
        }
    }

    private static boolean isResponse(JsonObject m, int id) {
        return m.has("id") && m.get("id").getAsInt() == id && !m.has("method");
    }

    private static String method(JsonObject m) {
        return m.has("method") ? m.get("method").getAsString() : null;
    }

    private static JsonObject didOpen(String uri, String text) {
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        doc.addProperty("languageId", "orrery");
        doc.addProperty("version", 1);
        doc.addProperty("text", text);
        JsonObject params = new JsonObject();
        params.add("textDocument", doc);
        return notification("textDocument/didOpen", params);
    }

    private static JsonObject request(int id, String method, String params) {
        JsonObject m = notification(method, params);
        m.addProperty("id", id);
        return m;
    }

    private static JsonObject notification(String method, String params) {
        return notification(method, params == null ? null : JsonParser.parseString(params).getAsJsonObject());
    }

    private static JsonObject notification(String method, JsonObject params) {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        if (params != null) {
            m.add("params", params);
        }
        return m;
    }
}
