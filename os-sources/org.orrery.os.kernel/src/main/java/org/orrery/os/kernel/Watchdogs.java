// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.WatchdogKind;

/**
 * The partitions' software watchdogs (armed when a partition reaches NORMAL, kicked by the application)
 * and the board's hardware watchdog (kicked by the kernel at every major frame start, so it expires
 * when no core starts a frame within the timeout). An expiry is traced, reported to the health
 * monitor as WATCHDOG and re-armed for the next period.
 */
final class Watchdogs {
    /** Trace payload: which watchdog. */
    private static final int PARTITION_WATCHDOG = WatchdogKind.PARTITION.ordinal();
    private static final int BOARD_WATCHDOG = WatchdogKind.BOARD.ordinal();

    private final Module m;
    private final long boardTimeout;
    private long boardDeadline = Proc.NEVER;

    Watchdogs(Module m) {
        this.m = m;
        // the board's watchdog is the module's: a kernel that runs some partitions neither kicks nor watches it
        this.boardTimeout = m.link == null ? m.config.board().hwWatchdogTimeoutNs() : 0;
    }

    void arm(PartitionRt p) {
        long period = p.config.watchdogPeriodNs();
        p.watchdogDeadline = period > 0 && p.mode == PartitionMode.NORMAL ? m.now + period : Proc.NEVER;
    }

    void kick(PartitionRt p) {
        arm(p);
        m.trace(p.traceCore(), TraceEventType.WATCHDOG_KICK, p.index, PARTITION_WATCHDOG, 0);
    }

    void kickBoard(int core, long t) {
        if (boardTimeout > 0) {
            boardDeadline = t + boardTimeout;
            m.trace(core, TraceEventType.WATCHDOG_KICK, -1, BOARD_WATCHDOG, 0);
        }
    }

    long next() {
        long next = boardDeadline;
        for (PartitionRt p : m.partitions) {
            next = Math.min(next, p.watchdogDeadline);
        }
        return next;
    }

    void fire(long t) {
        for (PartitionRt p : m.partitions) {
            if (p.watchdogDeadline <= t) {
                p.watchdogDeadline = t + p.config.watchdogPeriodNs();
                m.trace(p.traceCore(), TraceEventType.WATCHDOG_EXPIRED, p.index, PARTITION_WATCHDOG, 0);
                m.hm.report(p, null, ErrorCode.WATCHDOG, "software watchdog of " + p.name() + " expired");
            }
        }
        if (boardDeadline <= t) {
            boardDeadline = t + boardTimeout;
            m.trace(0, TraceEventType.WATCHDOG_EXPIRED, -1, BOARD_WATCHDOG, 0);
            m.hm.report(null, null, ErrorCode.WATCHDOG, "board watchdog expired");
        }
    }
}
