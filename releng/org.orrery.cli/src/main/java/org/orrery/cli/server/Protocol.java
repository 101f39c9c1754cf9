// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compile server's wire format, shared by {@link CompileServer} and {@link ServerClient}. The client sends
 * one request (magic, working directory, arguments); the server answers with frames of stdout/stderr bytes in
 * the order they were written and ends with the exit code. Strings are length-prefixed UTF-8, so arguments of
 * any length and content pass unchanged.
 */
final class Protocol {

    /** Changes whenever the format does: a client never talks to a server of another format. */
    static final int MAGIC = 0x4f525231; // "ORR1"
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;

    private Protocol() {
    }

    record Request(String workingDirectory, List<String> args) {
    }

    static void writeRequest(DataOutputStream out, String workingDirectory, List<String> args) throws IOException {
        out.writeInt(MAGIC);
        writeString(out, workingDirectory);
        out.writeInt(args.size());
        for (String a : args) {
            writeString(out, a);
        }
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an orrery client");
        }
        String cwd = readString(in);
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("bad argument count " + n);
        }
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(readString(in));
        }
        return new Request(cwd, args);
    }

    static void writeFrame(DataOutputStream out, byte stream, byte[] b, int off, int len) throws IOException {
        out.writeByte(stream);
        out.writeInt(len);
        out.write(b, off, len);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) {
            throw new IOException("bad string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
