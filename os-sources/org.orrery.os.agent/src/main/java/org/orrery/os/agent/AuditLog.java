// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * {@code DIR/agent.log}: one line per request and refusal, {@code TIME WHO REQUEST -> OUTCOME}, append-only.
 * Lines are written whole with one append each, so two writers (the server's connections, the slot side) never
 * interleave inside a line. A log that cannot be written is reported on standard error once and does not stop
 * the board: refusing service because the disk is full would turn a full disk into a bricked board.
 */
public final class AuditLog implements AutoCloseable {

    private static final Pattern FORGING = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private final Path file;
    private boolean warned;
    /**
     * Kept open between lines: opening the file for each line cost more than the request it records. Its identity
     * is checked again once a second at most, so a log moved away (rotation) or removed is followed by a new file.
     */
    private FileChannel channel;
    private Object channelKey;
    private long checkedAt;

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String who, String request, String outcome) {
        String line = Instant.now() + " " + oneLine(who) + " " + oneLine(request) + " -> " + oneLine(outcome) + "\n";
        try {
            FileChannel ch = channel();
            ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            close();
            if (!warned) {
                warned = true;
                System.err.println("orrery agent: cannot write the audit log " + file + ": "
                        + (e instanceof java.nio.file.NoSuchFileException ? "its directory is gone" : e.getMessage()));
            }
        }
    }

    private FileChannel channel() throws IOException {
        long now = System.nanoTime();
        if (channel != null && now - checkedAt < 1_000_000_000L) {
            return channel;
        }
        checkedAt = now;
        Object key = null;
        try {
            key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (java.nio.file.NoSuchFileException e) {
            // moved or removed: a new file below
        }
        if (channel == null || key == null || !key.equals(channelKey)) {
            close();
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            channelKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        }
        return channel;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lines written are in the file; nothing more to save
            }
            channel = null;
        }
    }

    /**
     * A peer chooses its name and our refusal texts quote it: no line breaks may reach the log. Every Unicode control
     * counts, not only ASCII's: NEL and the line and paragraph separators break lines too, a terminal reads C1
     * controls (CSI) as escapes, and format characters (bidi overrides) reorder what a reader of the log sees.
     */
    private static String oneLine(String s) {
        return s == null ? "-" : FORGING.matcher(s).replaceAll("?");
    }
}
