// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;

/**
 * The kernel's main loop, a discrete-event loop over the injected clock: run every core's zero-time work
 * at the current instant (in core order, repeated until no core has anything left, so cross-core wake-ups
 * are seen at the same instant), then jump to the next event (window boundary, end of declared compute,
 * time slice, timer, deadline or watchdog), charge the elapsed time to the computing processes, and fire
 * what is due. Nothing here allocates.
 */
final class Engine {
    /**
     * Resumptions on one core at one instant after which its partition is deemed to hold the core in
     * zero time forever (e.g. a restart loop or a yield loop that never lets time pass).
     */
    static final int MAX_RESUMES_PER_INSTANT = 10_000;

    private final Module m;
    private boolean booted;
    private final int[] resumesThisInstant;

    Engine(Module m) {
        this.m = m;
        this.resumesThisInstant = new int[m.cores.length];
    }

    /** Runs until {@code end} (exclusive) or shutdown. Call with the lock not held, from one thread. */
    void runUntil(long end) {
        m.lock.lock();
        try {
            if (!booted) {
                booted = true;
                fire(m.now);
            }
            while (!m.shutdown) {
                dispatchAll();
                if (m.shutdown) {
                    break;
                }
                long next = Math.max(nextEvent(), m.now);
                if (next >= end) {
                    advance(Math.max(end, m.now));
                    break;
                }
                advance(next);
                fire(next);
            }
        } finally {
            m.lock.unlock();
        }
    }

    private void advance(long t) {
        if (t <= m.now) {
            return;
        }
        long dt = t - m.now;
        for (CoreRt c : m.cores) {
            Proc h = c.holder;
            if (h != null && h.remaining > 0) {
                h.remaining -= dt;
                if (ProcessControl.roundRobin(h)) {
                    h.sliceLeft -= dt;
                    if (h.sliceLeft <= 0 && h.remaining > 0) {
                        // Back of the line, fresh slice. (A process whose work ended with its slice
                        // rotates at its next compute instead, see PartitionApi.compute.)
                        h.readySeq = m.nextSeq();
                        h.sliceLeft = h.part.config.timeSliceNs();
                    }
                }
            }
        }
        m.now = t;
        m.clock.advanceTo(t);
        java.util.Arrays.fill(resumesThisInstant, 0);
    }

    private void fire(long t) {
        for (CoreRt c : m.cores) {
            c.closeDue(t);
        }
        for (CoreRt c : m.cores) {
            c.advance(t);
        }
        m.watchdogs.fire(t);
        Timers.fire(m, t);
    }

    private long nextEvent() {
        long next = Proc.NEVER;
        for (CoreRt c : m.cores) {
            next = Math.min(next, c.nextBoundary);
            Proc h = c.holder;
            if (h != null && h.remaining > 0) {
                next = Math.min(next, m.now + h.remaining);
                if (ProcessControl.roundRobin(h)) {
                    next = Math.min(next, m.now + h.sliceLeft);
                }
            }
        }
        next = Math.min(next, Timers.next(m));
        return Math.min(next, m.watchdogs.next());
    }

    private void dispatchAll() {
        boolean ran = true;
        while (ran && !m.shutdown) {
            ran = false;
            for (CoreRt c : m.cores) {
                ran |= dispatch(c);
                if (m.shutdown) {
                    return;
                }
            }
        }
    }

    /** Gives core {@code c} to the process its partition's scheduler picks; true if any code ran. */
    private boolean dispatch(CoreRt c) {
        boolean ran = false;
        while (!m.shutdown) {
            Proc p = c.active == null ? null : Scheduler.pick(c.active);
            Proc h = c.holder;
            if (h != null && h != p) {
                c.holder = null;
                if (h.core == c.index) {
                    h.core = -1;
                }
                m.control.refresh(h);
            }
            if (p == null) {
                return ran;
            }
            c.holder = p;
            p.core = c.index;
            m.control.refresh(p);
            if (p.remaining > 0) {
                return ran;
            }
            ran = true;
            if (++resumesThisInstant[c.index] > MAX_RESUMES_PER_INSTANT) {
                overrun(c, p, p.ctx, "kept the core without letting time pass (" + MAX_RESUMES_PER_INSTANT
                        + " resumptions at one instant)");
                continue;
            }
            m.current = p;
            m.currentCtx = p.ctx;
            ExecutionContext ctx = p.ctx;
            boolean ok = ctx.resume();
            m.current = null;
            m.currentCtx = null;
            if (!ok) {
                overrun(c, p, ctx, "did not return to the kernel within the board's guard time");
            }
        }
        return ran;
    }

    /** The process is abandoned (never resumed again) and the overrun goes to the health monitor. */
    private void overrun(CoreRt c, Proc p, ExecutionContext ctx, String why) {
        m.overruns++;
        c.overrunInWindow = true;
        if (p.ctx == ctx) {
            m.control.stop(p);
        }
        int generation = p.part.generation;
        m.hm.report(p.part, p, ErrorCode.WINDOW_OVERRUN, p.name() + " " + why);
        if (ctx.partitionLost()) {
            m.lifecycle.afterLoss(p.part, generation);
        }
    }
}
