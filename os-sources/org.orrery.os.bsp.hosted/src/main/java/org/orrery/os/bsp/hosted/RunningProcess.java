// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Which process of a partition with a kernel of its own holds a core, in a small file of the board's folder that its
 * partition JVM maps and writes at every turn given and given up. A JVM that Linux kills (its cgroup's out-of-memory
 * killer) says nothing more; the board reads the file then and reports the loss against that process, as it does when
 * its own kernel serves the process's calls. The file holds the process's name after its length; the length is
 * written last and cleared first, so a JVM killed in between leaves a length of 0 or of the name it was writing.
 */
final class RunningProcess implements ConcurrentExecutor.Holding {
    /** A length, then a process's name of up to this many bytes (longer names are not recorded). */
    private static final int NAME_BYTES = 252;
    private static final int SIZE = 4 + NAME_BYTES;

    private final MappedByteBuffer slot;
    private final Map<String, byte[]> names = new HashMap<>();
    /** The context whose name the file holds; a turn given up by another (handed over before) leaves it. */
    private String current;

    private RunningProcess(MappedByteBuffer slot) {
        this.slot = slot;
    }

    /** The file of partition {@code index} in the board's folder {@code dir}. */
    static Path file(Path dir, int index) {
        return dir.resolve("running-" + index);
    }

    /** Maps {@code file} (made, or emptied of a former JVM's process) for this partition JVM to write. */
    static RunningProcess map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            return new RunningProcess(ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE));
        }
    }

    @Override
    public void holds(String context) {
        byte[] name = names.computeIfAbsent(context, RunningProcess::processName);
        if (name.length == 0) {
            released(current == null ? "" : current);
            return;
        }
        slot.putInt(0, 0);
        slot.put(4, name);
        slot.putInt(0, name.length);
        current = context;
    }

    @Override
    public void released(String context) {
        if (context.equals(current)) {
            slot.putInt(0, 0);
            current = null;
        }
    }

    /** "partition/process" → the process's name, as the file holds it (empty when too long to be recorded). */
    private static byte[] processName(String context) {
        byte[] name = context.substring(context.indexOf('/') + 1).getBytes(StandardCharsets.UTF_8);
        return name.length <= NAME_BYTES ? name : new byte[0];
    }

    /**
     * The board's side: the process that held a core when the partition's JVM ended, or null when none did, the file
     * is missing or what it holds is no name (the caller checks it against the partition's processes).
     */
    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        if (bytes.length < SIZE) {
            return null;
        }
        int length = ByteBuffer.wrap(bytes).getInt(0);
        return length <= 0 || length > NAME_BYTES ? null : new String(bytes, 4, length, StandardCharsets.UTF_8);
    }
}
