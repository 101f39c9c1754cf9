// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A minimal JSON-RPC client over a process's pipes, framed by hand (Content-Length headers) so that it shares no
 * protocol code with the server under test. Reading is strict: any byte on the server's stdout that is not part of
 * a well-formed message fails the next {@link #await}, because an LSP editor would lose the connection on it.
 */
final class JsonRpcPipe {

    private final OutputStream toServer;
    private final BlockingQueue<Object> fromServer = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean endOfStream;

    JsonRpcPipe(OutputStream toServer, InputStream fromServerStdout) {
        this.toServer = toServer;
        reader = new Thread(() -> readAll(fromServerStdout), "json-rpc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void send(JsonObject message) throws IOException {
        byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    /** The next message the predicate accepts; messages before it are skipped. */
    JsonObject await(Predicate<JsonObject> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object next = fromServer.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching message from the server within " + timeout);
            }
            if (next instanceof Throwable t) {
                throw new AssertionError("server stdout is not clean JSON-RPC: " + t.getMessage(), t);
            }
            if (wanted.test((JsonObject) next)) {
                return (JsonObject) next;
            }
        }
    }

    /** Whether stdout ended after whole messages only (checked once the server has exited). */
    boolean endedCleanly(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return endOfStream && fromServer.stream().noneMatch(Throwable.class::isInstance);
    }

    private void readAll(InputStream in) {
        try {
            JsonObject message;
            while ((message = readMessage(in)) != null) {
                fromServer.add(message);
            }
            endOfStream = true;
        } catch (IOException | RuntimeException e) {
            fromServer.add(e);
        }
    }

    /** One framed message, or null at end of stream between messages. */
    private static JsonObject readMessage(InputStream in) throws IOException {
        String header = readHeaderLine(in, true);
        if (header == null) {
            return null;
        }
        int length = -1;
        for (; !header.isEmpty(); header = readHeaderLine(in, false)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("not a header line: " + printable(header));
            }
            String name = header.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            } else if (!name.equalsIgnoreCase("Content-Type")) {
                throw new IOException("unknown header: " + printable(header));
            }
        }
        if (length < 0) {
            throw new IOException("message without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("stdout ended inside a message body");
        }
        JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        if (!json.isJsonObject() || !"2.0".equals(json.getAsJsonObject().get("jsonrpc").getAsString())) {
            throw new IOException("not a JSON-RPC 2.0 message: " + json);
        }
        return json.getAsJsonObject();
    }

    /** A header line without its CRLF; null at end of stream before a message. */
    private static String readHeaderLine(InputStream in, boolean atMessageStart) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (atMessageStart && line.size() == 0) {
                    return null;
                }
                throw new IOException("stdout ended inside a header: " + printable(line.toString(StandardCharsets.US_ASCII)));
            }
            line.write(b);
            if (line.size() > 200) {
                throw new IOException("header line too long: " + printable(line.toString(StandardCharsets.US_ASCII)));
            }
        }
        String s = line.toString(StandardCharsets.US_ASCII);
        if (!s.endsWith("\r")) {
            throw new IOException("header line not ended by CRLF: " + printable(s));
        }
        return s.substring(0, s.length() - 1);
    }

    private static String printable(String s) {
        return "'" + s.replace("\r", "\\r") + "'";
    }
}
