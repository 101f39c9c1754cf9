// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.trace.TraceEventType;

/**
 * Process state transitions (the mechanism under the API, the health monitor and the timers). Every
 * change of the visible state goes through {@link #refresh} and is traced there, once.
 */
final class ProcessControl {
    private final Module m;

    ProcessControl(Module m) {
        this.m = m;
    }

    void refresh(Proc p) {
        ProcessState s;
        if (!p.started) {
            s = ProcessState.DORMANT;
        } else if (!p.runnable()) {
            s = ProcessState.WAITING;
        } else {
            s = p.core >= 0 ? ProcessState.RUNNING : ProcessState.READY;
        }
        if (s != p.state) {
            p.state = s;
            m.trace(p.part.traceCore(), TraceEventType.PROCESS_STATE, p.part.index, p.index, s.ordinal());
        }
    }

    /**
     * DORMANT → started: a fresh context; waits for NORMAL mode when started during initialisation, else an
     * aperiodic process is released now and a periodic one at its partition's next periodic processing start.
     */
    void start(Proc p) {
        EndHandler end = new EndHandler(p);
        p.ctx = m.executor.create(p.part.name() + "/" + p.name(), p.stackSize, p.body, end);
        end.ctx = p.ctx;
        p.started = true;
        p.suspended = false;
        p.priority = p.basePriority;
        p.remaining = 0;
        if (p.part.initialising() && p.index != Proc.INIT) {
            p.waitKind = Proc.Wait.NORMAL_MODE;
            p.deadlineAbs = Proc.NEVER;
            refresh(p);
        } else {
            releaseFirst(p);
        }
    }

    /**
     * The first release of a process started in (or waiting for) NORMAL mode. ARINC 653 (START, SET_PARTITION_MODE)
     * puts a periodic process's first release point at its partition's next periodic processing start, so its jobs
     * begin as a window of its partition opens; released at the instant of the call instead, a job could begin late
     * in one window and spill into the next. Orrery's schedules mark no window as the processing start, so each
     * window of the partition is one. A partition with no window ahead in this plan or the next cannot run anyway:
     * its process is released now, as an aperiodic one is.
     */
    void releaseFirst(Proc p) {
        long at = p.periodic ? nextProcessingStart(p.part, m.firing >= 0 ? m.firing : m.now) : Proc.NEVER;
        if (at == Proc.NEVER) {
            release(p, m.now);
        } else if (at <= m.now) {
            // the window opening at the instant being fired (on a real-time board, measured a little later)
            release(p, at);
        } else {
            p.waitKind = Proc.Wait.RELEASE;
            p.wakeAt = at;
            p.deadlineAbs = Proc.NEVER;
            refresh(p);
        }
    }

    private long nextProcessingStart(PartitionRt part, long t) {
        long at = Proc.NEVER;
        for (CoreRt core : m.cores) {
            at = Math.min(at, core.nextStartOf(part.index, t));
        }
        return at;
    }

    /** A release (periodic) or start (aperiodic) at {@code t}: ready with a fresh deadline. */
    void release(Proc p, long t) {
        p.release = t;
        p.deadlineAbs = p.deadlineNs > 0 ? t + p.deadlineNs : Proc.NEVER;
        makeReady(p);
    }

    void makeReady(Proc p) {
        p.waitKind = Proc.Wait.NONE;
        p.waitingOn = null;
        p.wakeAt = Proc.NEVER;
        p.readySeq = m.nextSeq();
        p.sliceLeft = p.part.config.timeSliceNs();
        refresh(p);
    }

    /** Any state → DORMANT; its context is discarded (a blocked thread stays parked until the run ends). */
    void stop(Proc p) {
        if (!p.started) {
            return;
        }
        p.ctx.discard();
        if (m.concurrent) {
            // a call of this process may wait for its partition's next window (CallGate): it ends instead
            m.windowOpened.signalAll();
        }
        if (p.waitingOn != null) {
            p.waitingOn.remove(p);
            p.waitingOn = null;
        }
        if (p.core >= 0 && m.cores[p.core].holder == p) {
            m.cores[p.core].holder = null;
        }
        p.core = -1;
        p.started = false;
        p.suspended = false;
        p.waitKind = Proc.Wait.NONE;
        p.wakeAt = Proc.NEVER;
        p.deadlineAbs = Proc.NEVER;
        p.remaining = 0;
        refresh(p);
    }

    /** Wakes a process blocked on a wait queue (already removed from it). */
    void wake(Proc p, boolean woken) {
        p.woken = woken;
        makeReady(p);
    }

    /** Caller side: give the core back now and continue when the scheduler picks the caller again. */
    void yieldCore(Proc caller) {
        caller.core = -1;
        refresh(caller);
        caller.callCtx.yieldCore();
    }

    /** Caller side: block on {@code q} until woken or {@code deadline}; true if woken. */
    boolean await(Proc caller, WaitQueue q, long deadline) {
        caller.waitKind = Proc.Wait.RESOURCE;
        caller.waitingOn = q;
        caller.wakeAt = deadline;
        caller.woken = false;
        q.add(caller);
        yieldCore(caller);
        return caller.woken;
    }

    /** Wakes the next waiter of {@code q}, if any. */
    void notifyOne(WaitQueue q) {
        Proc p = q.poll();
        if (p != null) {
            wake(p, true);
        }
    }

    void notifyAll(WaitQueue q) {
        Proc p;
        while ((p = q.poll()) != null) {
            wake(p, true);
        }
    }

    /** Caller side: if a more urgent process of the caller's partition is now ready, let it run. */
    void preemptIfNeeded(Proc caller) {
        if (Scheduler.pick(caller.part) != caller) {
            yieldCore(caller);
        }
    }

    /** A process body ended (on its own thread, lock held). */
    void ended(Proc p, ExecutionContext ctx, Throwable ending) {
        if (p.ctx != ctx) {
            return;
        }
        // described on the process's thread where its executor could (ProcessFailure), here otherwise
        Throwable failure = ending instanceof ProcessFailure f ? f.failure() : ending;
        if (failure != null && !(failure instanceof org.orrery.os.api.IllegalRequestException)) {
            int generation = p.part.generation;
            String text = ending instanceof ProcessFailure f ? f.text() : ProcessFailure.describe(failure);
            m.hm.report(p.part, p, classify(failure), "uncaught " + text);
            if (ctx.partitionLost()) {
                if (p.ctx == ctx && p.started) {
                    stop(p);
                }
                m.lifecycle.afterLoss(p.part, generation);
                return;
            }
            if (p.ctx != ctx || !p.started) {
                return;
            }
        }
        if (p.index == Proc.INIT) {
            if (failure == null && p.part.initialising()) {
                m.lifecycle.enterNormal(p.part);
            }
            stop(p);
            return;
        }
        stop(p);
    }

    static ErrorCode classify(Throwable t) {
        if (t instanceof ArithmeticException) {
            return ErrorCode.NUMERIC_ERROR;
        }
        if (t instanceof StackOverflowError) {
            return ErrorCode.STACK_OVERFLOW;
        }
        if (t instanceof OutOfMemoryError || t instanceof LinkageError || t instanceof SecurityException
                || t instanceof IllegalAccessException) {
            return ErrorCode.MEMORY_VIOLATION;
        }
        return ErrorCode.APPLICATION_ERROR;
    }

    static boolean roundRobin(Proc p) {
        return p.part.config.policy() == SchedulingPolicy.ROUND_ROBIN;
    }

    /** Routes a context's end to {@link #ended}, remembering which context it was for. */
    private final class EndHandler implements java.util.function.Consumer<Throwable> {
        private final Proc p;
        ExecutionContext ctx;

        EndHandler(Proc p) {
            this.p = p;
        }

        @Override
        public void accept(Throwable failure) {
            ended(p, ctx, failure);
        }
    }
}
