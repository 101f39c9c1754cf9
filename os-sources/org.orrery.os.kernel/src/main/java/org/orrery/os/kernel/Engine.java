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

    /** How many overrun allowances a partition's initialisation may run its own code without a kernel call. */
    static final long INIT_ALLOWANCE = 10;

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
        m.engine = this;
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
                m.operator.applyPending();
                if (m.shutdown) {
                    break;
                }
                dispatchAll();
                if (m.shutdown) {
                    break;
                }
                if (m.concurrent) {
                    // Events fire at their planned times (the schedule never drifts) while the kernel's time,
                    // and so every trace timestamp, is the board's measured time.
                    long due = nextEvent();
                    if (!waitConcurrently(due, end)) {
                        continue;
                    }
                    if (due >= end) {
                        break;
                    }
                    fire(due);
                    continue;
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

    /**
     * Real time with processes running beside the engine: waits until the next event or until a process gives
     * its core back or calls, and brings the kernel's time up to the board's clock. True when the event is due.
     */
    private boolean waitConcurrently(long due, long end) {
        long until = Math.min(due, end);
        m.nextDue = until;
        if (m.clock.now() < until) {
            m.executor.awaitActivity(until);
        }
        long t = m.clock.now();
        advance(t);
        return t >= until;
    }

    /** A call on a concurrent board: the kernel's time follows the board's clock up to the next unfired event. */
    void catchUp() {
        advance(Math.min(m.clock.now(), m.nextDue));
    }

    private void advance(long t) {
        if (t <= m.now) {
            return;
        }
        long dt = t - m.now;
        for (CoreRt c : m.cores) {
            Proc h = c.holder;
            if (h != null && c.openWindow >= 0) {
                c.busyInWindow += dt;
            }
            if (h != null && h.remaining > 0) {
                h.remaining -= dt;
                h.computeEnded = h.remaining <= 0;
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
        m.firing = t;
        try {
            for (CoreRt c : m.cores) {
                c.closeDue(t);
            }
            for (CoreRt c : m.cores) {
                c.advance(t);
            }
            m.watchdogs.fire(t);
            Timers.fire(m, t);
        } finally {
            m.firing = -1;
        }
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
            Proc h = c.holder;
            if (m.concurrent && claimed(c, h)) {
                return ran;
            }
            Proc p = c.active == null ? null : Scheduler.pick(c.active);
            if (completing(c, h)) {
                p = h;
            }
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
            p.computeEnded = false;
            ExecutionContext ctx = p.ctx;
            // concurrent boards: the process's own code runs from now until its next call
            p.codeFrom = m.now;
            p.codeBefore = 0;
            boolean ok = ctx.resume();
            if (m.concurrent) {
                return ran;
            }
            if (!ok) {
                overrun(c, p, ctx, "did not return to the kernel within the board's guard time");
            }
        }
        return ran;
    }

    /**
     * Whether {@code h}, whose declared compute ended at this instant, runs its code before anything released at
     * the same instant: a job whose work ends at {@code t} completes at {@code t} (as the schedulability analysis
     * counts it), and its next call is the first point where it can be preempted. On a concurrent board the
     * process's code takes real time, so the order is the board's.
     */
    private boolean completing(CoreRt c, Proc h) {
        return !m.concurrent && h != null && h.computeEnded && h.runnable() && h.part == c.active;
    }

    /**
     * Concurrent boards: whether core {@code c} stays with a process that runs its own code. Code between kernel
     * calls is not preempted by the kernel (calls are the preemption points), so the holder keeps the core until
     * its next call; a process whose window ended in the middle of its code (its partition was frozen) takes the
     * core back first when a window of its partition opens again.
     */
    private boolean claimed(CoreRt c, Proc h) {
        if (h != null && h.ctx != null && h.ctx.running()) {
            return true;
        }
        PartitionRt a = c.active;
        Proc mid = a == null ? null : a.midCode;
        if (mid == null || h != null) {
            return false;
        }
        a.midCode = null;
        if (mid.ctx == null || !mid.ctx.running() || mid.core >= 0) {
            return false;
        }
        // The time it spent frozen is not its own: its code time goes on from the window's start.
        mid.codeFrom = m.now;
        c.holder = mid;
        mid.core = c.index;
        m.control.refresh(mid);
        m.windowOpened.signalAll();
        return true;
    }

    /**
     * Concurrent boards: the window of {@code h}'s partition closed while {@code h} ran its own code (the board has
     * frozen the partition). Within the overrun allowance this is an ordinary preemption and the process goes on in
     * the partition's next window; beyond it (counted over its windows since its last kernel call), the process
     * kept its core without entering the kernel: an overrun. The time the board says the partition waited for a
     * processor in the window is not counted (the host gave it to other work). Initialisation gets {@link #INIT_ALLOWANCE} times the
     * allowance: a cold JVM loads and compiles the application's classes first (the partition simply goes on in its
     * next windows), but a constructor or initialiser that never returns still ends as an overrun.
     */
    void closedMidCode(CoreRt c, Proc h, long t) {
        long run = h.codeBefore + Math.max(0, t - h.codeFrom - m.windows.processorWaitInClosedWindow(h.part.index));
        long allowed = m.executor.overrunNanos(h.part.index);
        if (h.part.initialising()) {
            allowed = allowed > Long.MAX_VALUE / INIT_ALLOWANCE ? Long.MAX_VALUE : allowed * INIT_ALLOWANCE;
        }
        if (run > allowed) {
            ExecutionContext ctx = h.ctx;
            ctx.abandon();
            overrun(c, h, ctx, "ran its own code for " + run / 1_000_000 + " ms without a kernel call (allowed: "
                    + allowed / 1_000_000 + " ms)");
        } else {
            h.codeBefore = run;
            h.part.midCode = h;
        }
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
