// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * The namespaces a partition JVM of a root board starts in, made by a thread of their own that starts the process and
 * ends (Linux keeps namespaces per thread, and a thread of a running JVM can never go back to the board's mount
 * namespace): a network namespace whose only interface is its loopback, an IPC namespace (no System V objects or POSIX
 * message queues shared with the board), and a mount namespace in which the host's world-writable folders
 * ({@link #MASKED}) are empty folders of root's, the board's own folders under them are seen where they are, and the
 * partition's temporary folder is a size-bounded file system of its own. So a partition can neither reach the board's
 * networks nor fill the board's disk or memory through a shared folder; what it writes to its temporary folder counts
 * against its cgroup's memory and stops at {@code scratchBytes}. Mounts made here never reach the board: the new
 * namespace's root is private.
 */
public final class PartitionNamespaces {
    /** The folders every user may create files in on a Linux host, masked in a partition's mount namespace. */
    public static final List<Path> MASKED = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/run/lock"),
            Path.of("/dev/shm"), Path.of("/dev/mqueue"));

    private static final int CLONE_NEWNS = 0x00020000;
    private static final int CLONE_NEWIPC = 0x08000000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final long MS_NOSUID = 2;
    private static final long MS_NODEV = 4;
    private static final long MS_NOEXEC = 8;
    private static final long MS_BIND = 4096;
    private static final long MS_REC = 16384;
    private static final long MS_PRIVATE = 1L << 18;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final MethodHandle MOUNT = Libc.bind("mount", true, FunctionDescriptor.of(INT, ValueLayout.ADDRESS,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));

    /**
     * What a partition sees: {@code kept}, folders of the board's that stay where they are although under a masked
     * folder (its private folder, its shared-memory folder); {@code scratch}, the partition's temporary folder, a file
     * system of {@code scratchBytes} owned by {@code uid}/{@code gid}.
     */
    public record Layout(List<Path> kept, Path scratch, long scratchBytes, long uid, long gid) {
    }

    private PartitionNamespaces() {
    }

    /**
     * Runs {@code start} (which starts the partition's process, so that it lives in them) on a new thread inside new
     * namespaces laid out as {@code layout} says; returns what it returned.
     */
    public static <T> T startIn(Layout layout, Callable<T> start) throws Exception {
        if (NetNamespaces.UNSHARE == null || MOUNT == null) {
            throw new BoardUnavailableException("this C library has no unshare/mount: no namespaces for partitions");
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("orrery-partition-namespaces").unstarted(() -> {
            try {
                enter(layout);
                outcome.set(start.call());
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        // waited for even when interrupted: the process it starts must not be left to nobody
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Object o = outcome.get();
        if (o instanceof Exception e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) o;
        return result;
    }

    /** Makes the namespaces on this thread and lays out what the partition sees. */
    private static void enter(Layout layout) throws IOException, BoardUnavailableException {
        NetNamespaces.check(NetNamespaces.call(NetNamespaces.UNSHARE, CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET),
                "unshare(mount, IPC and network namespaces)");
        NetNamespaces.loopbackUp();
        mount(null, "/", null, MS_REC | MS_PRIVATE, null);
        // the kept folders are opened before any masking hides them, and bound back from those descriptors
        int[] fds = new int[layout.kept().size()];
        try {
            for (int i = 0; i < fds.length; i++) {
                fds[i] = NetNamespaces.openFile(layout.kept().get(i).toString());
            }
            for (Path d : MASKED) {
                if (Files.isDirectory(d)) {
                    mount("tmpfs", d.toString(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64k,mode=0755");
                }
            }
            for (int i = 0; i < fds.length; i++) {
                Path kept = layout.kept().get(i);
                Files.createDirectories(kept); // a mount point in a masking folder; there already elsewhere
                mount("/proc/thread-self/fd/" + fds[i], kept.toString(), null, MS_BIND, null);
            }
        } finally {
            for (int fd : fds) {
                if (fd > 0) {
                    NetNamespaces.close(fd);
                }
            }
        }
        mount("tmpfs", layout.scratch().toString(), "tmpfs", MS_NOSUID | MS_NODEV,
                "size=" + layout.scratchBytes() + ",mode=0700,uid=" + layout.uid() + ",gid=" + layout.gid());
    }

    private static void mount(String source, String target, String type, long flags, String data)
            throws BoardUnavailableException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.captureSegment(arena);
            int rc;
            try {
                rc = (int) MOUNT.invokeExact(cap, text(arena, source), arena.allocateFrom(target), text(arena, type),
                        flags, text(arena, data));
            } catch (Throwable e) {
                throw new IllegalStateException("mount() could not be called: " + e, e);
            }
            if (rc != 0) {
                throw NetNamespaces.failed("mount(" + (source == null ? "" : source + " on ") + target + ")",
                        Libc.errno(cap));
            }
        }
    }

    private static MemorySegment text(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }
}
