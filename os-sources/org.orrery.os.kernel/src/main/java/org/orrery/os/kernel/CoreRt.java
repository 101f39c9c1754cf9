// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.trace.TraceEventType;

/**
 * One core's cyclic partition schedule: walks the windows of the active plan's table, opens and closes
 * partition windows, and switches plan only at the end of its major frame (a core that idles in the
 * current plan switches at once).
 */
final class CoreRt {
    final int index;
    private final Module m;
    PlanTable table;
    long frameStart;
    int nextWindow;
    int openWindow = -1;
    long windowEnd;
    boolean overrunInWindow;
    /** Time a process of the open window's partition held this core since the window opened. */
    long busyInWindow;
    PartitionRt active;
    /** The process holding this core (running code or consuming declared compute time). */
    Proc holder;
    /**
     * The holder whose declared compute ended just as its window closed, and when: if its partition's next window
     * opens at that same instant (back-to-back windows, a window as long as the frame), the process still
     * completes first, as it would had the window gone on (see {@code Engine.completing}).
     */
    private Proc endedAtClose;
    private long closedAt = -1;
    long nextBoundary = Proc.NEVER;

    CoreRt(int index, Module m) {
        this.index = index;
        this.m = m;
    }

    /** Starts {@code plan} with a new major frame at {@code t}. */
    void begin(int plan, long t) {
        int from = table == null ? plan : table.plan;
        boolean switched = table != null && from != plan;
        if (switched) {
            m.trace(index, TraceEventType.PLAN_SWITCH, from, plan, 0);
            m.planSwitched(index, plan);
        }
        table = m.plans[plan][index];
        frameStart = t;
        if (switched && m.kernels != null) {
            m.kernels.frameBegun(index, plan, t);
        }
        nextWindow = 0;
        if (table.frame > 0) {
            m.watchdogs.kickBoard(index, t);
        }
        computeNext();
    }

    /**
     * A kernel that runs some partitions follows the module: this core runs {@code plan} in frames from
     * {@code frameStart} on. It joins the frame under way at {@code t} (a later start of the same grid when
     * {@code frameStart} is frames back), leaving out the windows of it that are already over, so none of them opens
     * late; a window open here that the module did not open is closed first.
     */
    void join(int plan, long frameStart, long t) {
        PlanTable next = m.plans[plan][index];
        long start = frameStart;
        if (next.frame > 0 && t > frameStart) {
            start = frameStart + (t - frameStart) / next.frame * next.frame;
        }
        if (table != null && table.plan == plan && this.frameStart == start) {
            return;
        }
        if (openWindow >= 0) {
            windowEnd = Math.min(windowEnd, t);
            closeDue(t);
        }
        begin(plan, start);
        while (nextWindow < table.size() && start + table.start[nextWindow] + table.duration[nextWindow] <= t) {
            nextWindow++;
        }
        if (nextWindow < table.size() && start + table.start[nextWindow] < t) {
            // the module's window is open: it is here too, until its planned end
            open(nextWindow, t, start + table.start[nextWindow] + table.duration[nextWindow]);
            nextWindow++;
        }
        computeNext();
    }

    /** Closes the open window if it ends at or before {@code t}. */
    void closeDue(long t) {
        if (openWindow >= 0 && windowEnd <= t) {
            int part = table.partition[openWindow];
            m.windows.closed(index, part, t);
            m.operator.windowClosed(part, table.duration[openWindow], Math.min(busyInWindow, table.duration[openWindow]));
            endedAtClose = null;
            if (holder != null) {
                Proc h = holder;
                if (!m.concurrent && h.computeEnded) {
                    endedAtClose = h;
                    closedAt = t;
                }
                holder = null;
                h.core = -1;
                m.control.refresh(h);
                if (m.concurrent && h.ctx != null && h.ctx.running()) {
                    m.engine.closedMidCode(this, h, t);
                }
            }
            m.trace(index, TraceEventType.WINDOW_END, part, table.windowId[openWindow], overrunInWindow ? 1 : 0);
            PartitionRt p = m.partitions[part];
            if (p.activeCore == index) {
                p.activeCore = -1;
            }
            active = null;
            openWindow = -1;
            computeNext();
        }
    }

    /** Frame end, plan switch and window start due at {@code t} (after every core closed its windows). */
    void advance(long t) {
        if (openWindow >= 0 || nextBoundary > t) {
            return;
        }
        if (table.frame == 0) {
            if (m.targetPlan != table.plan) {
                begin(m.targetPlan, t);
            } else {
                nextBoundary = Proc.NEVER;
                return;
            }
        } else if (t >= frameStart + table.frame) {
            if (m.targetPlan != table.plan) {
                begin(m.targetPlan, t);
            } else {
                begin(table.plan, t);
            }
        }
        if (nextWindow < table.size() && frameStart + table.start[nextWindow] == t) {
            open(nextWindow, t);
            nextWindow++;
        }
        computeNext();
    }

    private void open(int w, long t) {
        open(w, t, t + table.duration[w]);
    }

    private void open(int w, long t, long end) {
        openWindow = w;
        windowEnd = end;
        overrunInWindow = false;
        busyInWindow = 0;
        PartitionRt p = m.partitions[table.partition[w]];
        p.activeCore = index;
        active = p;
        m.windowsRun++;
        p.windowsOpened++;
        m.trace(index, TraceEventType.WINDOW_START, p.index, table.windowId[w], table.plan);
        m.windows.opened(index, p.index, t);
        Proc ended = endedAtClose;
        endedAtClose = null;
        if (ended != null && closedAt == t && ended.part == p && ended.runnable() && ended.core < 0) {
            holder = ended;
            ended.core = index;
            m.control.refresh(ended);
        }
    }

    private void computeNext() {
        if (openWindow >= 0) {
            nextBoundary = windowEnd;
        } else if (table.frame == 0) {
            nextBoundary = m.targetPlan != table.plan ? m.now : Proc.NEVER;
        } else if (nextWindow < table.size()) {
            nextBoundary = frameStart + table.start[nextWindow];
        } else {
            nextBoundary = frameStart + table.frame;
        }
    }

    /**
     * Start of this core's first window of partition {@code part} at or after {@code t}: later in this major frame,
     * else in the next one (of the plan the core will run then), {@link Proc#NEVER} if neither has one. A window
     * that opens at {@code t} itself counts: a process started as its partition's window opens is released at once.
     */
    long nextStartOf(int part, long t) {
        if (table.frame > 0) {
            for (int i = 0; i < table.size(); i++) {
                long s = frameStart + table.start[i];
                if (s >= t && table.partition[i] == part) {
                    return s;
                }
            }
        }
        PlanTable next = m.plans[m.targetPlan][index];
        long nextFrame = table.frame > 0 ? frameStart + table.frame : t;
        for (int i = 0; i < next.size(); i++) {
            if (next.partition[i] == part && nextFrame + next.start[i] >= t) {
                return nextFrame + next.start[i];
            }
        }
        return Proc.NEVER;
    }

    /** A plan switch was requested: idle cores take it at once. */
    void planRequested() {
        if (openWindow < 0 && table.frame == 0) {
            nextBoundary = m.now;
        }
    }
}
