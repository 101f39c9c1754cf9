// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.kernel.BoardException;

/**
 * Real-time priorities of the hosted board, highest first: the schedule's thread, the kernel's threads that serve
 * partition calls, the rest of the kernel's JVM (a safepoint or a collection waits for every thread of the JVM, so
 * a starved one would stall the schedule).
 * <p>
 * Partition processes stay SCHED_OTHER. Tried with SCHED_FIFO below the kernel: a partition busy in its windows
 * (a cold JVM loading and compiling its application) then spends the host's real-time budget
 * ({@code /proc/sys/kernel/sched_rt_runtime_us}, 95% by default) and Linux throttles every real-time thread, the
 * schedule's included, for the rest of the second: windows opened 30-170 ms late. On a machine shared with other
 * work a partition may therefore get less than its window; its window never gets longer.
 */
final class Priorities {
    static final int ENGINE = 80;
    static final int KERNEL_CALLS = 70;
    static final int KERNEL_JVM = 60;

    private final List<Long> raised = new ArrayList<>();

    /** Raises every thread of this JVM that is not real-time yet to {@link #KERNEL_JVM}; {@link #restore} undoes it. */
    void raiseKernelJvm() throws BoardException {
        for (long tid : tasks(ProcessHandle.current().pid())) {
            if (!realTime(tid)) {
                Linux.setFifo(tid, KERNEL_JVM);
                raised.add(tid);
            }
        }
    }

    /** Puts the threads {@link #raiseKernelJvm} raised back to normal time sharing (the JVM may run on). */
    void restore() {
        for (long tid : raised) {
            try {
                Linux.setOther(tid);
            } catch (BoardException e) {
                // the thread is gone or was changed by someone else; nothing of ours to undo
            }
        }
        raised.clear();
    }

    private static List<Long> tasks(long pid) throws BoardException {
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        if (tasks == null) {
            throw new BoardUnavailableException("/proc/" + pid + "/task: cannot list the process's threads");
        }
        List<Long> tids = new ArrayList<>();
        for (File t : tasks) {
            tids.add(Long.parseLong(t.getName()));
        }
        return tids;
    }

    /** Whether the thread already has a real-time policy (field 41 of /proc/PID/task/TID/stat). */
    private static boolean realTime(long tid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/task/" + tid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int policy = Integer.parseInt(f[41 - 3]);
            return policy == 1 || policy == 2;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
