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
 * Real-time priorities of the hosted board: the schedule's thread, then the kernel JVM's JIT compiler threads, then
 * the kernel's threads that serve partition calls, then the kernel JVM's own safepoint and collector threads (a
 * collection stops every Java thread, the schedule's included, until those threads are done: starved by the host's
 * other work, one took 200 ms). Everything else stays SCHED_OTHER; two alternatives were measured worse on the 2-core
 * build machine:
 * <ul>
 * <li>partition processes SCHED_FIFO below the kernel: a partition busy in its windows (a cold JVM loading and
 * compiling its application) spends Linux's real-time budget ({@code /proc/sys/kernel/sched_rt_runtime_us}, 95%)
 * and every real-time thread, the schedule's included, is throttled for the rest of the second: windows opened
 * 30-170 ms late;</li>
 * <li>every thread of the kernel JVM SCHED_FIFO: its compiler threads then spend that budget instead, window-start
 * lateness p99 84 ms against 16 ms without.</li>
 * </ul>
 * The compiler threads are real-time nevertheless, above the kernel's call threads: HotSpot makes the real-time
 * threads wait for them. A compiler thread that installs a method's new code makes the old code not entrant and
 * then unlinks it, holding {@code NMethodState_lock} in between; a call into the old code meanwhile lands in
 * HotSpot's wrong-method stub, which re-resolves the call and retries it, in a loop, until the compiler thread is
 * done, and the schedule's thread blocks on that lock when it looks up compiled code. With the compiler thread
 * SCHED_OTHER, two call threads retrying at 70 kept both processors of the build machine busy and the compiler
 * thread off them until Linux's reserve for normal tasks (the 5% of each second {@code sched_rt_runtime_us} leaves)
 * let it finish: the whole board stopped for up to 950 ms, on a quiet machine too. Below the schedule's thread, a
 * compilation cannot delay a window edge on a machine with a processor besides the schedule's; only the schedule's
 * thread itself retrying a call on a single processor would still wait for it. Compiler threads HotSpot starts
 * during the run inherit the priority from the compiler thread that starts them.
 * On a machine shared with other work a partition may therefore get less than its window; its window never gets
 * longer.
 */
final class Priorities {
    static final int ENGINE = 80;
    /** Above {@link #KERNEL_CALLS}, below {@link #ENGINE}: see the class comment. */
    static final int JIT = 75;
    static final int KERNEL_CALLS = 70;
    static final int KERNEL_JVM = 60;
    /**
     * A partition's own kernel (its process threads' engine) stays time-sharing, at the most processor share: it wakes
     * to switch processes and stamp the partition's time, which its processes read, while a process of the same
     * partition computes on its processor, and a partition's window must not spend Linux's real-time budget (above).
     */
    static final int PARTITION_ENGINE_NICE = -20;
    /** The partition's process threads: the engine's start and restart them, and they must not inherit its share. */
    static final int PARTITION_PROCESS_NICE = 0;
    /** The JVM's threads that stop the world (HotSpot's names): safepoints and the collectors' pauses. */
    private static final List<String> STOP_THE_WORLD = List.of("VM Thread", "GC Thread", "G1 ", "ZDriver", "ZWorker");
    /** HotSpot's JIT compiler threads ("C1 CompilerThread0", truncated to 15 characters by Linux). */
    private static final List<String> COMPILERS = List.of("C1 CompilerThre", "C2 CompilerThre", "JVMCI CompilerT");

    /**
     * Raises this JVM's safepoint and collector threads to {@link #KERNEL_JVM} and its compiler threads to
     * {@link #JIT}; {@link #restore} undoes it.
     */
    void raiseJvmThreads() throws BoardException {
        for (Task t : tasks()) {
            if (matches(t.name, STOP_THE_WORLD)) {
                Linux.setFifo(t.tid, KERNEL_JVM);
            } else if (matches(t.name, COMPILERS)) {
                Linux.setFifo(t.tid, JIT);
            }
        }
    }

    /**
     * Puts those threads back to time sharing (the JVM may run on), including the ones the JVM started during the
     * run: they inherited the real-time policy from the thread that started them.
     */
    void restore() {
        List<Task> now;
        try {
            now = tasks();
        } catch (BoardException e) {
            return; // /proc unreadable now: nothing can be put back
        }
        for (Task t : now) {
            if (matches(t.name, STOP_THE_WORLD) || matches(t.name, COMPILERS)) {
                try {
                    Linux.setOther(t.tid);
                } catch (BoardException e) {
                    // the thread is gone; nothing of ours to undo
                }
            }
        }
    }

    /** Whether thread {@code name} (as in /proc/self/task/TID/comm) is one of {@code prefixes}. */
    private static boolean matches(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private record Task(long tid, String name) {
    }

    /** This process's threads with their names, read from /proc/self/task. */
    private static List<Task> tasks() throws BoardException {
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            throw new BoardUnavailableException("/proc/self/task: cannot list this process's threads");
        }
        List<Task> all = new ArrayList<>();
        for (File t : tasks) {
            try {
                all.add(new Task(Long.parseLong(t.getName()), Files.readString(t.toPath().resolve("comm")).strip()));
            } catch (IOException e) {
                continue; // the thread ended
            }
        }
        return all;
    }
}
