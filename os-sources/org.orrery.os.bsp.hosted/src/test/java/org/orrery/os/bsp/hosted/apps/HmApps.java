// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/**
 * Partition applications for the health monitor's actions on the hosted board. Each prints at its initialisation
 * {@code init <n> in jvm <pid>}: n counts the initialisations of this partition JVM (a static field, so a warm start
 * counts on and a new JVM counts from 1 again), pid is the partition JVM's. Each fault happens once per board run, not
 * once per JVM: a partition cold-started into a new JVM must not fail again (and cold-start again) at once.
 */
public final class HmApps {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    private HmApps() {
    }

    /**
     * Ticks (every 10th activation printed) and never fails: the neighbour of the partition under test. Says in the
     * board's folder when it has initialised, so that a fault can wait for it (a neighbour's cold JVM may need half a
     * second of board time on a loaded host, and a module reset before it would leave nothing to compare).
     */
    public static final class Steady implements PartitionApplication {
        private static final AtomicInteger INITS = new AtomicInteger();

        @Override
        public void initialize(Partition p) {
            announce(p, INITS);
            firstInBoard("neighbour-initialised");
            start(p, () -> HostedApps.tick(p));
        }
    }

    /**
     * At its first activation once its neighbour has initialised (once per board) raises APPLICATION_ERROR, says so if
     * the call returned, then ticks.
     */
    public static final class Raiser implements PartitionApplication {
        private static final AtomicInteger INITS = new AtomicInteger();

        @Override
        public void initialize(Partition p) {
            announce(p, INITS);
            start(p, () -> {
                p.periodicWait();
                while (!Files.exists(inBoard("neighbour-initialised"))) {
                    p.periodicWait();
                }
                if (firstInBoard("raised-" + p.name())) {
                    p.log("raising");
                    p.raiseError(ErrorCode.APPLICATION_ERROR, "injected");
                    p.log("went on after the error");
                }
                HostedApps.tick(p);
            });
        }
    }

    /** At its first activation (once per board) ends its own JVM, without a word to the kernel; then ticks. */
    public static final class Halter implements PartitionApplication {
        private static final AtomicInteger INITS = new AtomicInteger();

        @Override
        public void initialize(Partition p) {
            announce(p, INITS);
            start(p, () -> {
                p.periodicWait();
                if (firstInBoard("halted-" + p.name())) {
                    p.log("halting its JVM");
                    Runtime.getRuntime().halt(7);
                }
                HostedApps.tick(p);
            });
        }
    }

    /** Kicks its software watchdog at every activation; after its 10th (once per board) it ticks on without kicking. */
    public static final class Lapser implements PartitionApplication {
        private static final AtomicInteger INITS = new AtomicInteger();

        @Override
        public void initialize(Partition p) {
            announce(p, INITS);
            start(p, () -> {
                boolean kicking = true;
                for (long n = 0; ; n++) {
                    if (n % 10 == 0) {
                        p.log("tick " + n);
                    }
                    if (kicking && n == 10 && firstInBoard("lapsed-" + p.name())) {
                        p.log("stops kicking");
                        kicking = false;
                    }
                    if (kicking) {
                        p.kickWatchdog();
                    }
                    p.compute(200_000L);
                    p.timedWait(1_000_000L);
                }
            });
        }
    }

    /**
     * Writes its partition's time (ns of board time) every millisecond it runs to {@code stamp-<partition>} in the
     * board's {@link #sharedFolder}, replacing the time before: what it left there is about the last instant its
     * partition ran. For an aperiodic process: it has no deadline to miss.
     */
    public static final class Stamper implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            Path file = inBoard("stamp-" + p.name());
            Path next = inBoard("stamp-" + p.name() + ".next");
            start(p, () -> {
                while (true) {
                    try {
                        // whole or not at all: the JVM may be killed at any instant
                        Files.move(Files.writeString(next, Long.toString(p.now())), file,
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    p.timedWait(1_000_000L);
                }
            });
        }
    }

    private static void announce(Partition p, AtomicInteger inits) {
        p.log("init " + inits.incrementAndGet() + " in jvm " + ProcessHandle.current().pid());
    }

    /** Starts {@code main} as the partition's process and ends the initialisation. */
    private static void start(Partition p, Runnable main) {
        p.createProcess(MAIN, main).start();
        p.setMode(PartitionMode.NORMAL);
    }

    /** A marker in the {@link #sharedFolder} of the board that runs this partition JVM. */
    private static Path inBoard(String name) {
        long board = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return sharedFolder(board).resolve(name);
    }

    /**
     * The folder the partitions of the board in process {@code boardPid} share for their once-per-board files: each
     * partition has a temporary folder of its own, and on a root board a user of its own and a mount namespace in which
     * /tmp is an empty folder of root's, so a root test JVM makes it under /run.
     */
    public static Path sharedFolder(long boardPid) {
        Path run = Path.of("/run", "orrery-hm-apps-" + boardPid);
        boolean root = ProcessHandle.current().pid() == boardPid ? isRoot() : Files.isDirectory(run);
        return root ? run : Path.of("/tmp", "orrery-hm-apps-" + boardPid);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Makes this JVM's {@link #sharedFolder} empty, for a board about to boot, and writable by every partition user
     * (the board's test JVM calls it).
     */
    public static Path makeSharedFolder() throws IOException {
        Path d = Files.createDirectories(sharedFolder(ProcessHandle.current().pid()));
        empty(d);
        if (!SHARED_REMOVED_AT_EXIT.getAndSet(true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    empty(d);
                    Files.deleteIfExists(d);
                } catch (IOException e) {
                    // left in /tmp, named after this JVM
                }
            }));
        }
        Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        return d;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SHARED_REMOVED_AT_EXIT =
            new java.util.concurrent.atomic.AtomicBoolean();

    private static void empty(Path d) throws IOException {
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    /** True for the first caller with {@code what} in this board run. */
    private static boolean firstInBoard(String what) {
        try {
            Files.createFile(inBoard(what));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
