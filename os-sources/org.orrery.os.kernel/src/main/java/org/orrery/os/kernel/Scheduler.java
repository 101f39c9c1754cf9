// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionMode;

/**
 * Process selection inside a partition's window: a scan of the partition's preallocated process table,
 * no allocation. Initialisation runs alone; in NORMAL mode a ready error handler comes first, then
 * <ul>
 * <li>FIXED_PRIORITY: highest priority, FIFO (ready order) among equals; a preempted process keeps its place;</li>
 * <li>EDF: earliest absolute deadline (none = last), then priority, then ready order;</li>
 * <li>ROUND_ROBIN: ready order regardless of priority; the running process goes to the back after each
 * time slice.</li>
 * </ul>
 */
final class Scheduler {
    private Scheduler() {
    }

    static Proc pick(PartitionRt part) {
        if (part.mode == PartitionMode.IDLE) {
            return null;
        }
        if (part.initialising()) {
            return part.init.runnable() ? part.init : null;
        }
        if (part.handler.runnable()) {
            return part.handler;
        }
        Proc best = null;
        for (Proc p : part.procs) {
            if (p.runnable() && (best == null || better(part, p, best))) {
                best = p;
            }
        }
        return best;
    }

    private static boolean better(PartitionRt part, Proc a, Proc b) {
        switch (part.config.policy()) {
            case EDF:
                if (a.deadlineAbs != b.deadlineAbs) {
                    return a.deadlineAbs < b.deadlineAbs;
                }
                // fall through to priority order for equal deadlines
            case FIXED_PRIORITY:
                if (a.priority != b.priority) {
                    return a.priority > b.priority;
                }
                return a.readySeq < b.readySeq;
            case ROUND_ROBIN:
            default:
                return a.readySeq < b.readySeq;
        }
    }
}
