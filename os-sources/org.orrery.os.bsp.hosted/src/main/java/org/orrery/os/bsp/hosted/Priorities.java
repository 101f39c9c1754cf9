// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

/**
 * Real-time priorities of the hosted board: the schedule's thread above the kernel's threads that serve partition
 * calls. Everything else stays SCHED_OTHER; both alternatives were measured worse on the 2-core build machine:
 * <ul>
 * <li>partition processes SCHED_FIFO below the kernel: a partition busy in its windows (a cold JVM loading and
 * compiling its application) spends Linux's real-time budget ({@code /proc/sys/kernel/sched_rt_runtime_us}, 95%)
 * and every real-time thread, the schedule's included, is throttled for the rest of the second: windows opened
 * 30-170 ms late;</li>
 * <li>the kernel JVM's other threads SCHED_FIFO (for its safepoints): its compiler threads then spend that budget
 * instead, window-start lateness p99 84 ms against 16 ms without.</li>
 * </ul>
 * On a machine shared with other work a partition may therefore get less than its window; its window never gets
 * longer.
 */
final class Priorities {
    static final int ENGINE = 80;
    static final int KERNEL_CALLS = 70;

    private Priorities() {
    }
}
