// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** Partition applications the hosted board's tests run in partition processes. */
public final class HostedApps {

    private HostedApps() {
    }

    /** One periodic process that computes 200 us of each period and prints every 10th activation. */
    public static final class Ticker implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> tick(p)).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Counts the starts of its process in this partition JVM (a cold start is a new JVM, which counts from 1 again).
     * The first start that gets past its first release runs its own code without a kernel call for 150 ms of wall time
     * right after a release, past its deadline (100 ms in the tests), then calls the kernel; every other start ticks.
     * (A start that misses its deadline before, on a slow cold JVM, only moves the spin to the next start.)
     */
    public static final class Overstayer implements PartitionApplication {
        private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();
        private static final java.util.concurrent.atomic.AtomicBoolean SPUN = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                int start = STARTS.incrementAndGet();
                p.log("start " + start);
                p.periodicWait();
                if (SPUN.compareAndSet(false, true)) {
                    p.log("spinning in start " + start);
                    spin(150_000_000L);
                    p.log("spin ended"); // the kernel restarted the process meanwhile: this call unwinds it
                }
                tick(p);
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Tries at its initialisation what a partition of a root board must not be able to do, and says how each try went:
     * thaw its own cgroup, move itself out of it, end the board's process, open the region of the channel "feed" it
     * is a destination of for writing, read a neighbour's application jar (the partition at index 1); then ticks as
     * {@link Ticker} does.
     */
    public static final class Intruder implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.log("uid " + attempt(() -> Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
            p.log("thaw its cgroup: " + attempt(() -> eachGroup((controllers, group) -> {
                if (controllers.isEmpty()) { // the v2 hierarchy, alone or beside v1 controllers
                    write(group.resolve("cgroup.freeze"), "0");
                } else if (controllers.contains("freezer")) {
                    write(group.resolve("freezer.state"), "THAWED");
                }
            })));
            p.log("leave its cgroup: " + attempt(() -> eachGroup((controllers, group) -> write(
                    group.getParent().resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid())))));
            p.log("end the board: " + (ProcessHandle.current().parent().map(ProcessHandle::destroyForcibly)
                    .orElse(false) ? "asked" : "refused"));
            // the region of channel "feed", of which it is a destination (its clock file is beside it)
            Path feed = Path.of(System.getProperty("orrery.shm.clock", "/nonexistent"))
                    .resolveSibling("feed.sampling.shm");
            p.log("write the channel it reads: " + attempt(() -> {
                try (var ch = java.nio.channels.FileChannel.open(feed, java.nio.file.StandardOpenOption.READ,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    return ch.size();
                }
            }));
            p.log("read a neighbour's jar: " + attempt(() -> Files.readAllBytes(Path.of(
                    System.getProperty("java.io.tmpdir")).getParent().resolve("app-1.jar")).length));
            p.log("network interfaces: " + attempt(() -> java.net.NetworkInterface.networkInterfaces()
                    .map(java.net.NetworkInterface::getName).sorted().toList()));
            p.log("reach the board's network: " + attempt(Intruder::connectToALoopbackListener));
            for (String shared : List.of("/tmp", "/var/tmp", "/dev/shm")) {
                p.log("write a file in " + shared + ": " + attempt(() -> Files.write(Path.of(shared, "orrery-intruder-"
                        + ProcessHandle.current().pid()), new byte[1])));
            }
            p.log("fill its temporary folder: " + attempt(Intruder::fillTemporaryFolder));
            p.createProcess(new ProcessRef("main", 0), () -> tick(p)).start();
            p.setMode(PartitionMode.NORMAL);
        }

        /**
         * Connects to a socket listening on 127.0.0.1 that its network lists in {@code /proc/net/tcp} or, for a Java
         * socket (IPv6 with the address mapped), {@code tcp6} (the test that boots the board opens one); throws when
         * there is none or it cannot connect.
         */
        private static Object connectToALoopbackListener() throws IOException {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local address ...0100007F:PORT (127.0.0.1, little-endian hex), state 0A (LISTEN)
                    int colon = f.length > 3 ? f[1].indexOf(':') : -1;
                    if (colon > 0 && f[1].substring(0, colon).endsWith("0100007F") && f[3].equals("0A")) {
                        int port = Integer.parseInt(f[1].substring(colon + 1), 16);
                        try (java.net.Socket socket = new java.net.Socket()) {
                            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
                            return "connected to port " + port;
                        }
                    }
                }
            }
            throw new IOException("no socket listens on 127.0.0.1 in its network");
        }

        /** Writes 64 MiB into its temporary folder (the file is removed whatever happens); returns the size. */
        private static Object fillTemporaryFolder() throws IOException {
            Path f = Path.of(System.getProperty("java.io.tmpdir"), "fill");
            try (var out = Files.newOutputStream(f)) {
                byte[] mib = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    out.write(mib);
                }
            } finally {
                Files.deleteIfExists(f);
            }
            return "64 MiB";
        }

        /** What {@code action} gave, or "refused (EXCEPTION)" when it threw. */
        private static String attempt(Callable<Object> action) {
            try {
                return "done " + action.call();
            } catch (Exception e) {
                return "refused (" + e.getClass().getSimpleName() + ")";
            }
        }

        /** Calls {@code action} with the controllers and folder of each cgroup this JVM is in; returns how many. */
        private static Object eachGroup(GroupAction action) throws Exception {
            int n = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] f = line.split(":", 3);
                String controllers = f[1].replace("name=", "");
                Path root = Path.of("/sys/fs/cgroup");
                Path mount = controllers.isEmpty()
                        ? (Files.isDirectory(root.resolve("unified")) ? root.resolve("unified") : root)
                        : root.resolve(controllers.split(",")[0]);
                Path group = Path.of(mount + f[2]);
                if (Files.isDirectory(group) && !f[2].equals("/")) {
                    action.on(controllers, group);
                    n++;
                }
            }
            return n;
        }

        private static void write(Path file, String text) throws IOException {
            if (Files.exists(file)) {
                Files.writeString(file, text);
            }
        }

        private interface GroupAction {
            void on(String controllers, Path group) throws Exception;
        }
    }

    /** As {@link Overstayer}, but the first start never calls the kernel again once it spins. */
    public static final class Runaway implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.log("about to run away");
                p.periodicWait();
                spin(Long.MAX_VALUE);
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /** Computes 200 us of each period and prints every 10th activation, for good. */
    static void tick(Partition p) {
        for (long n = 0; ; n++) {
            if (n % 10 == 0) {
                p.log("tick " + n);
            }
            p.compute(200_000L);
            p.periodicWait();
        }
    }

    /** Runs its own code for {@code ns} of wall time (frozen stretches included). */
    static void spin(long ns) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < ns) {
            Thread.onSpinWait();
        }
    }

    /** Behaves for its first activation, then spins without a kernel call. */
    public static final class Spinner implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.log("about to spin");
                p.periodicWait();
                long x = 0;
                while (x >= 0) {
                    x = (x + 1) & 0xffff;
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
    /**
     * Behaves for its first activation, then blocks in its own code for good (a deadlock on a monitor no one will
     * ever notify): it holds its core without a kernel call and without using any processor.
     */
    public static final class Blocker implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            Object never = new Object();
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.log("about to block");
                p.periodicWait();
                synchronized (never) {
                    while (true) {
                        try {
                            never.wait();
                        } catch (InterruptedException e) {
                            // still blocked: nothing here ever ends the wait
                        }
                    }
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
    /**
     * For a partition with windows on cores 0 and 1 in the two halves of a 20 ms frame: an aperiodic process that
     * runs whenever its partition has a window and counts, by half frame, on which processor each stretch of its
     * code ran (read from /proc between two readings of the kernel's clock in the same half, away from its edges).
     */
    public static final class Walker implements PartitionApplication {
        private static final long HALF = 10_000_000L;
        private static final long MARGIN = 1_000_000L;

        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                long[][] seen = new long[2][3]; // [half][cpu 0, cpu 1, any other]
                for (long n = 1; ; n++) {
                    p.compute(200_000L);
                    long t = p.now();
                    int cpu = cpu();
                    long t2 = p.now();
                    if (t / HALF == t2 / HALF && t % HALF >= MARGIN && HALF - t2 % HALF >= MARGIN) {
                        seen[(int) (t / HALF % 2)][Math.min(cpu, 2)]++;
                    }
                    if (n % 100 == 0) {
                        p.log("first half on cpu 0/1/other " + seen[0][0] + "/" + seen[0][1] + "/" + seen[0][2]
                                + ", second half " + seen[1][0] + "/" + seen[1][1] + "/" + seen[1][2]);
                    }
                    p.timedWait(500_000L);
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }

        /** Field 39 of /proc/thread-self/stat: the processor the calling thread runs on. */
        private static int cpu() {
            try {
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[36]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
