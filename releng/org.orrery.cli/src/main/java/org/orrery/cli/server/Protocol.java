// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compile server's wire format, written so that the launcher's client can be bash over {@code /dev/tcp}: text
 * lines and length-prefixed byte strings, no binary numbers (bash's {@code read} drops NUL bytes).
 * <pre>
 * request:  "ORR2 " TOKEN "\n"  LEN ":" WORKING-DIRECTORY  COUNT "\n"  (LEN ":" ARGUMENT)*
 * answer:   ("O " LEN "\n" STDOUT-BYTES | "E " LEN "\n" STDERR-BYTES)*  "X " EXIT-CODE "\n"
 * </pre>
 * The token comes first, so the server refuses a peer without it after one short line. Lengths count bytes (UTF-8),
 * so arguments of any content pass unchanged; frames come in the order the command wrote them, so stdout and stderr
 * interleave as they would in-process.
 */
final class Protocol {

    /** Changes whenever the format does: a client never talks to a server of another format. */
    static final String MAGIC = "ORR2";
    static final char OUT = 'O';
    static final char ERR = 'E';
    static final char EXIT = 'X';
    /** The exit code that says no server took the request and nothing was printed. */
    static final int NOT_SERVED = 111;

    private static final int MAX_LINE = 256;
    private static final int MAX_STRING = 1 << 24;
    private static final int MAX_ARGS = 100_000;

    private Protocol() {
    }

    record Request(String token, String workingDirectory, List<String> args) {
    }

    /**
     * The token a request starts with (its first line, read byte by byte): the server checks it before it reads
     * anything more, so a peer without the token cannot make it read the rest.
     */
    static String readToken(InputStream in) throws IOException {
        String header = readLine(in);
        if (!header.startsWith(MAGIC + " ")) {
            throw new IOException("not an orrery client");
        }
        return header.substring(MAGIC.length() + 1);
    }

    /** The rest of a request whose {@code token} {@link #readToken} read. */
    static Request readRequest(String token, InputStream in) throws IOException {
        String cwd = readString(in);
        int n = number(readLine(in), MAX_ARGS);
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(readString(in));
        }
        return new Request(token, cwd, args);
    }

    static void writeFrame(OutputStream out, char stream, byte[] b, int off, int len) throws IOException {
        out.write((stream + " " + len + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
    }

    static void writeExit(OutputStream out, int code) throws IOException {
        out.write((EXIT + " " + code + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void writeString(OutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
    }

    private static String readString(InputStream in) throws IOException {
        StringBuilder digits = new StringBuilder();
        for (int c = in.read(); c != ':'; c = in.read()) {
            if (c < '0' || c > '9' || digits.length() > 9) {
                throw new IOException(c < 0 ? "request ended early" : "bad string length");
            }
            digits.append((char) c);
        }
        byte[] b = in.readNBytes(number(digits.toString(), MAX_STRING));
        if (b.length != Integer.parseInt(digits.toString())) {
            throw new EOFException("request ended early");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || line.size() >= MAX_LINE) {
                throw new IOException(c < 0 ? "request ended early" : "request line too long");
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static int number(String text, int max) throws IOException {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            throw new IOException("bad number " + text);
        }
        int n = Integer.parseInt(text);
        if (n > max) {
            throw new IOException("number too large: " + n);
        }
        return n;
    }
}
