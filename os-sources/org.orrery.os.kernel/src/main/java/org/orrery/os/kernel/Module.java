// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/**
 * The kernel's state: every table is built here at boot and only indexed afterwards. The mechanisms
 * (engine, process control, timers, watchdogs, health monitor, lifecycle, channels) each live in their
 * own class and share this state under the executor's lock.
 */
final class Module {
    final SystemConfig config;
    final Clock clock;
    final ProcessExecutor executor;
    final ReentrantLock lock;
    final Consumer<String> console;
    final ApplicationLoader loader;
    final TraceBuffer[] trace;
    final PlanTable[][] plans;
    final PartitionRt[] partitions;
    final Proc[] allProcs;
    final CoreRt[] cores;
    final ProcessControl control;
    final HealthMonitor hm;
    final Lifecycle lifecycle;
    final Watchdogs watchdogs;
    final Channels channels;
    final Operator operator;
    /**
     * Null when this kernel runs the module; else the module's kernel, which does what concerns the module for the
     * partitions this one runs ({@link Kernel#bootResident}).
     */
    final ModuleLink link;
    /** Which partitions run here; the others never load and stay IDLE (all run here when {@link #link} is null). */
    final boolean[] resident;
    /**
     * A module's kernel: the partitions that run in kernels of their own ({@link #kernels}), whose windows this kernel
     * keeps while it never loads them; all false otherwise.
     */
    final boolean[] elsewhere;
    final PartitionKernels kernels;

    long now;
    /**
     * Process code runs beside the engine (real-time boards): calls bring {@link #now} up to the board's clock,
     * never past {@link #nextDue}, the next event the engine has yet to fire.
     */
    final boolean concurrent;
    long nextDue = Proc.NEVER;
    /**
     * The planned instant of the events the engine is firing, -1 between them. On a real-time board {@link #now} is
     * the measured time, a little past it: what the events cause (an HM restart at a deadline that falls on a
     * window's opening) still happens at that instant, as on the simulator.
     */
    long firing = -1;
    Engine engine;
    /** Concurrent boards: signalled when a process frozen in the middle of its code gets a core again. */
    final java.util.concurrent.locks.Condition windowOpened;
    final WindowListener windows;
    final PortStorage portStorage;
    /** Plan the module runs or is switching to at the end of the current major frames. */
    int targetPlan;
    boolean shutdown;
    private long seq;

    long windowsRun;
    long overruns;
    long deadlineMisses;
    /** Switches of the module's plan: each core takes a new plan at its own frame end, counted once. */
    long planSwitches;
    final long[] planSwitchesPerCore;
    /** The plan the module last switched to, so the cores that follow it are not counted again. */
    private int switchedTo;
    long moduleResets;
    final List<HmEvent> hmEvents = new ArrayList<>();

    Module(SystemConfig config, Board board, ApplicationLoader loader, OperatorDesk desk) {
        this(config, board, loader, desk, null, null, null, null);
    }

    /**
     * With {@code link} non-null, only the partitions {@code resident} marks run here (see {@link ModuleLink}); with
     * {@code kernels} non-null, those {@code elsewhere} marks run in kernels of their own (see
     * {@link PartitionKernels}).
     */
    Module(SystemConfig config, Board board, ApplicationLoader loader, OperatorDesk desk, boolean[] resident,
            ModuleLink link, boolean[] elsewhere, PartitionKernels kernels) {
        this.config = config;
        this.link = link;
        this.kernels = kernels;
        int partitionCount = config.partitions().size();
        this.resident = new boolean[partitionCount];
        this.elsewhere = new boolean[partitionCount];
        for (int i = 0; i < partitionCount; i++) {
            this.resident[i] = link == null || resident[i];
            this.elsewhere[i] = kernels != null && elsewhere[i];
        }
        this.clock = board.clock();
        this.executor = board.executor();
        this.lock = executor.lock();
        this.windowOpened = lock.newCondition();
        this.console = board.console();
        this.concurrent = executor.concurrent();
        this.windows = board.windows();
        this.portStorage = board.portStorage();
        this.loader = loader;
        int n = config.board().cores();
        trace = new TraceBuffer[n];
        for (int c = 0; c < n; c++) {
            trace[c] = board.trace(c);
        }
        plans = PlanTable.build(config);
        partitions = new PartitionRt[config.partitions().size()];
        List<Proc> procs = new ArrayList<>();
        for (PartitionConfig pc : config.partitions()) {
            PartitionRt p = new PartitionRt(pc);
            partitions[pc.index()] = p;
            procs.addAll(List.of(p.all));
        }
        allProcs = procs.toArray(new Proc[0]);
        cores = new CoreRt[n];
        planSwitchesPerCore = new long[n];
        for (int c = 0; c < n; c++) {
            cores[c] = new CoreRt(c, this);
        }
        control = new ProcessControl(this);
        hm = new HealthMonitor(this);
        lifecycle = new Lifecycle(this);
        watchdogs = new Watchdogs(this);
        channels = new Channels(this);
        operator = new Operator(this, desk);
        for (PartitionRt p : partitions) {
            p.gate = new CallGate(this, p);
            p.api = new PartitionApi(p.gate);
            channels.createHandles(p);
        }
        now = clock.now();
        targetPlan = config.planIndex(config.initialPlan());
        switchedTo = targetPlan;
    }

    /**
     * The process whose thread calls, or null for a thread that holds no core (a foreign or abandoned one).
     * A process calls only while it holds a core, so the holders are the only candidates.
     */
    Proc caller() {
        for (CoreRt core : cores) {
            Proc h = core.holder;
            if (h != null && h.ctx != null && !h.ctx.dead() && h.ctx.isCurrentThread()) {
                return h;
            }
        }
        return null;
    }

    void trace(int core, TraceEventType type, long f0, long f1, long f2) {
        trace[core].emit(now, type, f0, f1, f2);
    }

    long nextSeq() {
        return ++seq;
    }

    /** Console line with the virtual time and the source. */
    void print(String source, String text) {
        console.accept(line(now, source, text));
    }

    /**
     * {@code [SECONDS.NANOSECONDS] SOURCE: TEXT}, board time with nine digits after the point. Built by hand, not
     * with String.format: this runs on the schedule's thread under the kernel lock, and a Formatter's first use
     * (regular expressions, locale data) delayed every window edge of a hosted board by 10-19 ms at the first
     * health-monitor report.
     */
    static String line(long boardTimeNs, String source, String text) {
        long seconds = boardTimeNs / 1_000_000_000L;
        long nanos = boardTimeNs % 1_000_000_000L;
        StringBuilder b = new StringBuilder(source.length() + text.length() + 24).append('[').append(seconds).append('.');
        for (long d = 100_000_000L; d > 1 && nanos < d; d /= 10) {
            b.append('0');
        }
        return b.append(nanos).append("] ").append(source).append(": ").append(text).toString();
    }

    /** Core {@code core} has just left its plan for {@code plan}. */
    void planSwitched(int core, int plan) {
        planSwitchesPerCore[core]++;
        if (plan != switchedTo) {
            planSwitches++;
            switchedTo = plan;
        }
    }

    /**
     * A partition or the health monitor asks for {@code plan}: the module's kernel switches, a kernel that runs only some
     * partitions asks the module's.
     */
    void requestPlan(int plan) {
        if (link != null) {
            link.planRequested(plan);
            return;
        }
        switchPlan(plan);
    }

    /** Switch to {@code plan} at the end of each core's current major frame. */
    void switchPlan(int plan) {
        targetPlan = plan;
        for (CoreRt c : cores) {
            c.planRequested();
        }
    }

    /** RESET_MODULE: every partition cold starts and the initial plan starts a new frame now. */
    void reset() {
        moduleResets++;
        if (link != null) {
            stopResidents();
            link.resetRequested();
            return;
        }
        targetPlan = config.planIndex(config.initialPlan());
        for (CoreRt c : cores) {
            c.windowEnd = Math.min(c.windowEnd, now);
            c.closeDue(now);
        }
        for (PartitionRt p : partitions) {
            p.activeCore = -1;
            lifecycle.restart(p, org.orrery.os.api.PartitionMode.COLD_START);
        }
        for (CoreRt c : cores) {
            c.begin(targetPlan, now);
        }
    }

    void shutdown() {
        shutdown = true;
        for (Proc p : allProcs) {
            control.stop(p);
        }
        if (link != null) {
            link.shutdownRequested();
        }
    }

    /** A kernel that runs some partitions, at a module reset: nothing of them runs until the module starts them anew. */
    private void stopResidents() {
        for (PartitionRt p : partitions) {
            if (resident[p.index]) {
                lifecycle.stopAll(p);
            }
        }
    }
}
