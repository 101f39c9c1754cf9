// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.trace.TraceEventType;

/** Partition modes: (re)start into initialisation, NORMAL, IDLE. */
final class Lifecycle {
    private final Module m;

    Lifecycle(Module m) {
        this.m = m;
    }

    void setMode(PartitionRt p, PartitionMode mode) {
        PartitionMode from = p.mode;
        p.mode = mode;
        p.reachedNormal |= mode == PartitionMode.NORMAL;
        m.trace(p.traceCore(), TraceEventType.PARTITION_MODE, p.index, from.ordinal(), mode.ordinal());
        if (m.link != null) {
            m.link.modeChanged(p.index, from, mode, m.now);
        }
    }

    /**
     * Stops everything of {@code p} and runs its initialisation again (fresh classes on a cold start). A kernel that
     * runs only some partitions leaves a cold start to the module, which gives the partition a new address space.
     */
    void restart(PartitionRt p, PartitionMode mode) {
        if (m.elsewhere[p.index]) {
            // its own kernel restarts it; a warm start of it is the module's only through its kernel, so cold
            coldStartElsewhere(p, false);
            return;
        }
        if (m.link != null && mode == PartitionMode.COLD_START) {
            stopAll(p);
            p.generation++;
            setMode(p, mode);
            m.link.coldStartRequested(p.index);
            return;
        }
        start(p, mode);
    }

    /**
     * A cold start of {@code p}, which runs in a kernel of its own: the board gives it a new address space. With
     * {@code toldThere} its kernel asked for it, and has traced and told the change to COLD_START already: traced here
     * too, the trace showed it twice (NORMAL→COLD_START, then COLD_START→COLD_START), which the simulated board never
     * does.
     */
    void coldStartElsewhere(PartitionRt p, boolean toldThere) {
        stopAll(p);
        p.generation++;
        if (toldThere) {
            p.mode = PartitionMode.COLD_START;
        } else {
            setMode(p, PartitionMode.COLD_START);
        }
        m.kernels.coldStart(p.index);
    }

    /** Loads and initialises {@code p} in this kernel: at boot, and at every restart the module leaves to it. */
    void start(PartitionRt p, PartitionMode mode) {
        stopAll(p);
        p.generation++;
        setMode(p, mode);
        boolean cold = mode == PartitionMode.COLD_START;
        Proc init = p.init;
        init.created = true;
        init.body = () -> {
            PartitionApplication app;
            try {
                app = m.loader.load(p.config, cold);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot load " + p.config.entryClass() + ": " + e, e);
            }
            try {
                app.initialize(p.api);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("initialisation failed: " + e, e);
            }
        };
        m.control.start(init);
    }

    /**
     * After the health monitor handled an error of a process whose partition's address space the board lost:
     * unless its action already restarted, idled or stopped the partition, a cold start is the only way back.
     */
    void afterLoss(PartitionRt p, int generationBefore) {
        if (m.shutdown || p.generation != generationBefore || p.mode == PartitionMode.IDLE) {
            return;
        }
        if (p.lostAt == m.now) {
            // lost again before any time passed: restarting would loop forever at this instant
            m.print("HM", p.name() + " lost its partition process again at once -> IDLE_PARTITION");
            idle(p);
            return;
        }
        p.lostAt = m.now;
        m.print("HM", p.name() + " lost its partition process -> COLD_START_PARTITION");
        restart(p, PartitionMode.COLD_START);
    }

    void idle(PartitionRt p) {
        stopAll(p);
        setMode(p, PartitionMode.IDLE);
        if (m.elsewhere[p.index]) {
            m.kernels.idle(p.index);
        }
    }

    /** Initialisation is over: processes started during it are released (see ProcessControl), the watchdog armed. */
    void enterNormal(PartitionRt p) {
        setMode(p, PartitionMode.NORMAL);
        for (Proc proc : p.procs) {
            if (proc.started && proc.waitKind == Proc.Wait.NORMAL_MODE) {
                m.control.releaseFirst(proc);
            }
        }
        m.watchdogs.arm(p);
    }

    void stopAll(PartitionRt p) {
        for (Proc proc : p.all) {
            m.control.stop(proc);
            proc.created = proc.index == Proc.INIT;
        }
        for (IntraObject o : p.objects) {
            o.discardWaiters();
        }
        p.objects.clear();
        p.errorStatus = null;
        p.watchdogDeadline = Proc.NEVER;
        m.channels.resetPartition(p);
    }
}
