// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code DIR/agent.log}: one line per request and refusal, {@code TIME WHO REQUEST -> OUTCOME}, append-only.
 * Lines are written whole with one append each, so two writers (the server's connections, the slot side) never
 * interleave inside a line. A log that cannot be written is reported on standard error once and does not stop
 * the board: refusing service because the disk is full would turn a full disk into a bricked board.
 */
public final class AuditLog {

    private final Path file;
    private boolean warned;

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String who, String request, String outcome) {
        String line = Instant.now() + " " + oneLine(who) + " " + oneLine(request) + " -> " + oneLine(outcome) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        } catch (IOException e) {
            if (!warned) {
                warned = true;
                System.err.println("orrery agent: cannot write the audit log " + file + ": "
                        + (e instanceof java.nio.file.NoSuchFileException ? "its directory is gone" : e.getMessage()));
            }
        }
    }

    /** A peer chooses its name and our refusal texts quote it: no line breaks may reach the log. */
    private static String oneLine(String s) {
        return s == null ? "-" : s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
