// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Real cgroups for tests: skips (with the reason) where the machine has none or the tests are not root, names
 * every group orrery-test-PID-N, and sweeps this JVM's leftovers (other JVMs' test groups are left alone).
 */
final class CgroupTestSupport {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PREFIX = "orrery-test-" + ProcessHandle.current().pid() + "-";

    private CgroupTestSupport() {
    }

    static boolean root() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    static void assumeRoot() {
        assumeTrue(Linux.available(), "not Linux, or the FFM linker misses a libc function");
        assumeTrue(root(), "needs root (cgroup directories, SCHED_FIFO, mounts)");
    }

    /** The machine's cgroups, or the test is skipped saying why. */
    static Cgroups cgroups() {
        assumeRoot();
        try {
            return Cgroups.detect();
        } catch (BoardUnavailableException e) {
            return abort("no usable cgroups on this machine: " + e.getMessage());
        }
    }

    static CgroupLayout layout() {
        assumeRoot();
        try {
            return CgroupLayout.parse(Cgroups.DEFAULT_ROOT, Files.readString(Path.of("/proc/self/mountinfo")),
                    Files.readString(Path.of("/proc/self/cgroup")));
        } catch (IOException | BoardUnavailableException e) {
            return abort("no usable cgroups on this machine: " + e.getMessage());
        }
    }

    static String name() {
        return PREFIX + COUNTER.incrementAndGet();
    }

    /** This process's own group in every hierarchy of the layout. */
    static List<Path> ownGroups(CgroupLayout layout) {
        List<Path> own = new ArrayList<>(layout.v1Groups.values());
        if (layout.v2Group != null) {
            own.add(layout.v2Group);
        }
        return own;
    }

    /** Removes every group this JVM's tests created and left behind: kills, thaws, removes bottom-up. */
    static void sweep() {
        if (!root() || !Linux.available()) {
            return;
        }
        CgroupLayout layout;
        try {
            layout = layout();
        } catch (RuntimeException e) {
            return; // skipped: nothing was created
        }
        for (Path own : ownGroups(layout)) {
            try (Stream<Path> children = Files.list(own)) {
                for (Path d : children.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                    removeTree(d);
                }
            } catch (IOException | BoardUnavailableException e) {
                throw new IllegalStateException("sweeping " + own + ": " + e.getMessage(), e);
            }
        }
    }

    private static void removeTree(Path dir) throws IOException, BoardUnavailableException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : children.filter(Files::isDirectory).toList()) {
                removeTree(c);
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!CgroupFiles.procs(dir).isEmpty()) {
            if (Files.exists(dir.resolve("cgroup.kill"))) {
                CgroupFiles.write(dir.resolve("cgroup.kill"), "1");
            }
            for (long pid : CgroupFiles.procs(dir)) {
                Linux.kill(pid, 9);
            }
            if (Files.exists(dir.resolve("freezer.state"))) {
                CgroupFiles.write(dir.resolve("freezer.state"), "THAWED");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(dir + ": processes survive SIGKILL");
            }
            CgroupFiles.pause();
        }
        CgroupFiles.rmdir(dir, System.nanoTime() + 5_000_000_000L);
    }

    /** Starts {@code sh -c script}; the script should begin with {@code read go} so it waits to be put in a group. */
    static Process sh(String script) throws IOException {
        return new ProcessBuilder("sh", "-c", script).start();
    }

    /** Lets a process started by {@link #sh(String)} past its {@code read go}. */
    static void go(Process p) throws IOException {
        p.getOutputStream().write('\n');
        p.getOutputStream().flush();
    }

    /** A field of /proc/PID/stat, numbered as in proc(5) (14 = utime, 40 = rt_priority, 41 = policy). */
    static long statField(Path statFile, int field) throws IOException {
        String s = Files.readString(statFile);
        String[] rest = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(rest[field - 3]);
    }

    /** A line's value from a /proc status file, e.g. Cpus_allowed_list. */
    static String status(Path statusFile, String key) throws IOException {
        return Files.readAllLines(statusFile).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).trim()).findFirst().orElseThrow();
    }

    /** Polls {@code condition} until it holds or {@code millis} pass. */
    static boolean await(long millis, Check condition) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    interface Check {
        boolean holds() throws Exception;
    }
}
