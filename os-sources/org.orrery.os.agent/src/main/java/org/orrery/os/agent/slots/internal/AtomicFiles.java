// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Power-loss safe file updates: the new content goes to a temporary file that is fsynced, renamed over the old
 * one and the directory fsynced, so after a cut the file holds either the old or the new content, never a mix.
 */
public final class AtomicFiles {

    private static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + TMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        }
        moveDurably(tmp, file);
    }

    /** Renames {@code from} over {@code to} (same directory or file system) after making {@code from} durable. */
    public static void moveDurably(Path from, Path to) throws IOException {
        try (FileChannel ch = FileChannel.open(from, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(to + ": the file system cannot rename atomically; slots need one that can");
        }
        syncDirectory(to.getParent());
        if (!from.getParent().equals(to.getParent())) {
            syncDirectory(from.getParent());
        }
    }

    /** Makes a rename or a deletion in {@code dir} durable (Linux: fsync on the directory). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; there the rename's own ordering is all we get.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /** Writes {@code key=value} lines (sorted, so the same state gives the same bytes). */
    public static void writeProperties(Path file, Map<String, String> values) throws IOException {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The properties of {@code file}, or an empty map when it does not exist. */
    public static Map<String, String> readProperties(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    /** Leftovers of writes a cut interrupted: never the state, always safe to delete. */
    public static void removeTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(TMP_SUFFIX)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
