// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

import org.orrery.os.bsp.hosted.linux.PartitionNamespaces;
import org.orrery.os.bsp.hosted.linux.PartitionUsers;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.PartitionConfig;

/**
 * Starts each partition JVM of a board whose partitions run as users of their own in namespaces of its own
 * ({@link PartitionNamespaces}): its loopback its only network interface, no IPC objects shared, the host's
 * world-writable folders empty and closed to it, its temporary folder a file system of {@link #SCRATCH_BYTES}. The
 * verifier already refuses {@code java.net} and file access in partition code; this holds for whatever it cannot see.
 * A partition's link to the board and its ports are files in the board's folders, which stay where they are.
 */
final class PartitionSandbox implements PartitionProcesses.Launcher {
    /** A partition's temporary folder; the JVM itself writes nothing there (no perf data, no AOT cache). */
    static final long SCRATCH_BYTES = 16L << 20;

    private final PartitionProcesses.Launcher inner;
    private final List<Path> kept;
    private final IntFunction<Path> scratch;
    private final PartitionUsers users;

    private PartitionSandbox(PartitionProcesses.Launcher inner, List<Path> kept, IntFunction<Path> scratch,
            PartitionUsers users) {
        this.inner = inner;
        this.kept = kept;
        this.scratch = scratch;
        this.users = users;
    }

    /**
     * Starts partitions with {@code inner} in namespaces of their own in which the board's folders {@code kept} stay
     * visible and {@code scratch} gives each partition's temporary folder by index; a machine that cannot make them
     * refuses the board here, in one line, before any partition starts.
     */
    static PartitionSandbox around(PartitionProcesses.Launcher inner, List<Path> kept, IntFunction<Path> scratch,
            PartitionUsers users, Path probeFolder) throws BoardUnavailableException {
        try {
            Files.createDirectory(probeFolder);
            try {
                PartitionNamespaces.startIn(new PartitionNamespaces.Layout(kept, probeFolder, SCRATCH_BYTES, 0, 0),
                        () -> null);
            } finally {
                Files.deleteIfExists(probeFolder);
            }
        } catch (Exception e) {
            throw new BoardUnavailableException("partitions run as users of their own but cannot be given namespaces "
                    + "of their own: " + e.getMessage(), e);
        }
        return new PartitionSandbox(inner, kept, scratch, users);
    }

    @Override
    public Process start(PartitionConfig partition, ProcessBuilder builder) throws IOException {
        int index = partition.index();
        long uid = users.uid(index);
        try {
            return PartitionNamespaces.startIn(new PartitionNamespaces.Layout(kept, scratch.apply(index),
                    SCRATCH_BYTES, uid, uid), () -> inner.start(partition, builder));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("partition " + partition.name() + " gets no namespaces of its own: "
                    + e.getMessage(), e);
        }
    }

    /** The board report's line on the partitions' namespaces, {@code sandbox} being null for a board without them. */
    static String describe(PartitionSandbox sandbox) {
        return sandbox != null ? "partition namespaces: network (loopback only), IPC and mounts of its own for each "
                + "partition JVM; shared folders masked, temporary folder " + (SCRATCH_BYTES >> 20) + " MiB"
                : "partition namespaces: the board's (partitions get namespaces of their own only as users of their "
                        + "own)";
    }
}
