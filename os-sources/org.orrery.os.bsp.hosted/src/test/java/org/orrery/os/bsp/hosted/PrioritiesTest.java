// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.linux.Linux;

/**
 * The kernel JVM's own threads while a board runs, as Linux schedules them (read back from /proc): HotSpot makes
 * real-time threads wait for its JIT compiler threads (a call into code a compiler thread is replacing retries until
 * that thread is done), so a compiler thread left SCHED_OTHER under busy call threads stopped the whole board for up
 * to 950 ms. The compiler threads must be above every real-time thread of the kernel JVM but the schedule's.
 */
class PrioritiesTest {
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;

    @Test
    void compilerThreadsRankAboveTheCallThreadsAndBelowTheSchedule() {
        assertTrue(Priorities.KERNEL_CALLS < Priorities.JIT, "a call thread retrying a call must not starve the "
                + "compiler thread it waits for");
        assertTrue(Priorities.JIT < Priorities.ENGINE, "a compilation must not delay a window edge");
        assertTrue(Priorities.KERNEL_JVM < Priorities.KERNEL_CALLS);
    }

    @Test
    void compilerThreadsAreRealTimeWhileTheBoardRunsAndTimeSharingAfter() throws Exception {
        assumeTrue(Linux.available(), "not Linux, or the FFM linker misses a libc function");
        assumeTrue(root(), "needs root (SCHED_FIFO)");
        assumeTrue(!threads("C1 CompilerThre", "C2 CompilerThre").isEmpty(), "this JVM runs without a JIT (-Xint)");
        Priorities priorities = new Priorities();
        try {
            priorities.raiseJvmThreads();
            for (Path t : threads("C1 CompilerThre", "C2 CompilerThre")) {
                assertEquals(SCHED_FIFO, statField(t, 41), name(t) + ": policy");
                assertEquals(Priorities.JIT, statField(t, 40), name(t) + ": real-time priority");
            }
            List<Path> vm = threads("VM Thread");
            assertFalse(vm.isEmpty(), "HotSpot's VM Thread");
            for (Path t : vm) {
                assertEquals(Priorities.KERNEL_JVM, statField(t, 40), name(t) + ": real-time priority");
            }
        } finally {
            priorities.restore();
        }
        for (Path t : threads("C1 CompilerThre", "C2 CompilerThre", "VM Thread")) {
            assertEquals(SCHED_OTHER, statField(t, 41), name(t) + ": policy after the run");
        }
    }

    /** This process's threads whose name (comm) starts with one of {@code prefixes}, as /proc/self/task/TID. */
    private static List<Path> threads(String... prefixes) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String name = name(t);
                if (Stream.of(prefixes).anyMatch(name::startsWith)) {
                    found.add(t);
                }
            }
        }
        return found;
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended
        }
    }

    /** A field of the thread's stat, numbered as in proc(5) (40 = rt_priority, 41 = policy). */
    private static long statField(Path task, int field) throws IOException {
        String s = Files.readString(task.resolve("stat"));
        return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).trim().split(" ")[field - 3]);
    }

    private static boolean root() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }
}
