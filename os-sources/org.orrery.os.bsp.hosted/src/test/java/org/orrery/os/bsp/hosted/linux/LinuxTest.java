// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.BoardUnavailableException;

/** The FFM calls, checked against what the kernel shows in /proc. */
class LinuxTest {

    @BeforeAll
    static void linux() {
        assumeTrue(Linux.available(), "not Linux, or the FFM linker misses a libc function");
    }

    /** Runs {@code body} on a fresh platform thread, so scheduling changes do not outlive the test. */
    private static <T> T onThread(Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread t = Thread.ofPlatform().start(task);
        t.join();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @Test
    void monotonicNanosIsTheJvmsMonotonicClock() {
        long before = System.nanoTime();
        long m = Linux.monotonicNanos();
        long after = System.nanoTime();
        assertTrue(before <= m && m <= after, before + " <= " + m + " <= " + after);
    }

    @Test
    void sleepUntilWakesAtOrAfterTheTarget() throws Exception {
        for (int i = 0; i < 20; i++) {
            long target = Linux.monotonicNanos() + 2_000_000;
            Linux.sleepUntil(target);
            long woke = Linux.monotonicNanos();
            assertTrue(woke >= target, "woke " + (target - woke) + " ns early");
            assertTrue(woke - target < 500_000_000L, "woke " + (woke - target) / 1_000_000 + " ms late");
        }
        long past = Linux.monotonicNanos() - 1_000_000_000L;
        long start = System.nanoTime();
        Linux.sleepUntil(past);
        assertTrue(System.nanoTime() - start < 100_000_000L, "a past target returns at once");
    }

    @Test
    void sleepUntilRefusesANegativeTargetInOneLine() {
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> Linux.sleepUntil(-5));
        assertTrue(e.getMessage().startsWith("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, -5 ns) failed "
                + "(Invalid argument)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void tidIsTheThreadInProcSelfTask() throws Exception {
        for (int i = 0; i < 2; i++) {
            int[] seen = onThread(() -> new int[] {Linux.tid(),
                Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString())});
            assertEquals(seen[1], seen[0]);
        }
        assertTrue(Linux.tid() != onThread(Linux::tid), "two threads, two ids");
    }

    @Test
    void fifoIsVisibleInProcAndOtherUndoesIt() throws Exception {
        CgroupTestSupport.assumeRoot();
        long[] seen = onThread(() -> {
            Path stat = Path.of("/proc/self/task/" + Linux.tid() + "/stat");
            Linux.setFifo(17);
            long rtPriority = CgroupTestSupport.statField(stat, 40);
            long policy = CgroupTestSupport.statField(stat, 41);
            String sched = Files.readString(Path.of("/proc/self/task/" + Linux.tid() + "/sched"));
            Linux.setOther();
            return new long[] {rtPriority, policy, sched.matches("(?s).*\\npolicy\\s+:\\s+1\\n.*") ? 1 : 0,
                CgroupTestSupport.statField(stat, 41), CgroupTestSupport.statField(stat, 40)};
        });
        assertEquals(17, seen[0], "rt_priority while FIFO");
        assertEquals(1, seen[1], "policy SCHED_FIFO in stat");
        assertEquals(1, seen[2], "policy 1 in sched");
        assertEquals(0, seen[3], "policy SCHED_OTHER after setOther");
        assertEquals(0, seen[4], "rt_priority after setOther");
    }

    @Test
    void fifoPriorityOutOfRangeIsRefusedWithErrnoText() {
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
                () -> onThread(() -> {
                    Linux.setFifo(100);
                    return null;
                }));
        assertEquals("SCHED_FIFO priority 100 refused (Invalid argument): real-time priorities are 1..99",
                e.getMessage());
    }

    @Test
    void pinningIsVisibleInCpusAllowedList() throws Exception {
        int last = Runtime.getRuntime().availableProcessors() - 1;
        String allowed = onThread(() -> {
            BitSet one = new BitSet();
            one.set(last);
            Linux.pinCurrentThread(one);
            return CgroupTestSupport.status(Path.of("/proc/self/task/" + Linux.tid() + "/status"),
                    "Cpus_allowed_list");
        });
        assertEquals(Integer.toString(last), allowed);
    }

    @Test
    void pinningToAMissingCpuIsRefused() {
        BitSet missing = new BitSet();
        missing.set(1000);
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
                () -> onThread(() -> {
                    Linux.pinCurrentThread(missing);
                    return null;
                }));
        assertTrue(e.getMessage().startsWith("sched_setaffinity(cpus 1000) refused (Invalid argument): "),
                e.getMessage());
    }

    @Test
    void lockAllMemoryLocksPagesUntilUnlocked() throws Exception {
        CgroupTestSupport.assumeRoot();
        Path status = Path.of("/proc/self/status");
        try {
            Linux.lockAllMemory();
            String locked = CgroupTestSupport.status(status, "VmLck");
            assertTrue(Long.parseLong(locked.replace(" kB", "")) > 1024, "VmLck " + locked);
        } finally {
            Linux.unlockAllMemory();
        }
        assertEquals("0 kB", CgroupTestSupport.status(status, "VmLck"));
    }

    @Test
    void killReportsAProcessThatIsGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        p.waitFor();
        p.onExit().get(); // reaped by the JVM, so the pid no longer names a process
        assertFalse(Linux.kill(pid, 0));
        assertTrue(Linux.kill(ProcessHandle.current().pid(), 0));
    }
}
