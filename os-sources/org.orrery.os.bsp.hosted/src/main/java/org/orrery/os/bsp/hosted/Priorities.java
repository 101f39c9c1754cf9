// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.kernel.BoardException;

/**
 * Real-time priorities of the hosted board: the schedule's thread, then the kernel's threads that serve partition
 * calls, then the kernel JVM's own safepoint and collector threads (a collection stops every Java thread, the
 * schedule's included, until those threads are done: starved by the host's other work, one took 200 ms). Everything
 * else stays SCHED_OTHER; two alternatives were measured worse on the 2-core build machine:
 * <ul>
 * <li>partition processes SCHED_FIFO below the kernel: a partition busy in its windows (a cold JVM loading and
 * compiling its application) spends Linux's real-time budget ({@code /proc/sys/kernel/sched_rt_runtime_us}, 95%)
 * and every real-time thread, the schedule's included, is throttled for the rest of the second: windows opened
 * 30-170 ms late;</li>
 * <li>every thread of the kernel JVM SCHED_FIFO: its compiler threads then spend that budget instead, window-start
 * lateness p99 84 ms against 16 ms without.</li>
 * </ul>
 * On a machine shared with other work a partition may therefore get less than its window; its window never gets
 * longer.
 */
final class Priorities {
    static final int ENGINE = 80;
    static final int KERNEL_CALLS = 70;
    static final int KERNEL_JVM = 60;
    /** The JVM's threads that stop the world (HotSpot's names): safepoints and the collectors' pauses. */
    private static final List<String> STOP_THE_WORLD = List.of("VM Thread", "GC Thread", "G1 ", "ZDriver", "ZWorker");

    private final List<Long> raised = new ArrayList<>();

    /** Raises this JVM's safepoint and collector threads to {@link #KERNEL_JVM}; {@link #restore} undoes it. */
    void raiseStopTheWorld() throws BoardException {
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            throw new BoardUnavailableException("/proc/self/task: cannot list this process's threads");
        }
        for (File t : tasks) {
            String name;
            try {
                name = Files.readString(t.toPath().resolve("comm")).strip();
            } catch (IOException e) {
                continue; // the thread ended
            }
            if (STOP_THE_WORLD.stream().anyMatch(name::startsWith)) {
                long tid = Long.parseLong(t.getName());
                Linux.setFifo(tid, KERNEL_JVM);
                raised.add(tid);
            }
        }
    }

    /** Puts the threads {@link #raiseStopTheWorld} raised back to time sharing (the JVM may run on). */
    void restore() {
        for (long tid : raised) {
            try {
                Linux.setOther(tid);
            } catch (BoardException e) {
                // the thread is gone; nothing of ours to undo
            }
        }
        raised.clear();
    }
}
