// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;

/**
 * Time-driven process events: deadline checks, periodic releases, delays and wait timeouts. A scan of
 * the preallocated process table (deadlines before releases, so a release never hides the miss of the
 * release before it).
 */
final class Timers {
    private Timers() {
    }

    static long next(Module m) {
        long next = Proc.NEVER;
        for (Proc p : m.allProcs) {
            if (p.started) {
                next = Math.min(next, Math.min(p.wakeAt, p.deadlineAbs));
            }
        }
        return next;
    }

    /**
     * A process whose declared compute ended at this very instant has not yet had its turn to complete (call
     * {@code periodicWait}, stop); a job that completes at its deadline meets it, as the schedulability analysis
     * counts it. If the process goes on without completing, its deadline, still due, makes the engine fire this
     * instant again and the miss is reported then, at the same virtual time. On a concurrent board real time
     * passes while the process runs its code, so the exemption does not apply there.
     */
    private static boolean finishingAt(Module m, Proc p) {
        return !m.concurrent && p.computeEnded && p.core >= 0 && m.cores[p.core].holder == p;
    }

    static void fire(Module m, long t) {
        Proc[] procs = m.allProcs;
        for (Proc p : procs) {
            if (p.started && p.deadlineAbs <= t && !finishingAt(m, p)) {
                p.deadlineAbs = Proc.NEVER;
                m.deadlineMisses++;
                m.hm.report(p.part, p, ErrorCode.DEADLINE_MISSED, p.name() + " missed its deadline");
            }
        }
        for (Proc p : procs) {
            if (!p.started || p.wakeAt > t) {
                continue;
            }
            switch (p.waitKind) {
                case RELEASE -> m.control.release(p, p.wakeAt);
                case RESOURCE -> {
                    p.waitingOn.remove(p);
                    m.control.wake(p, false);
                }
                default -> m.control.makeReady(p);
            }
        }
    }
}
