// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.orrery.os.bsp.hosted.linux.BoardGroup;
import org.orrery.os.bsp.hosted.linux.Cgroups;
import org.orrery.os.bsp.hosted.linux.KernelPreemption;
import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.bsp.hosted.linux.PartitionGroup;
import org.orrery.os.bsp.hosted.linux.PartitionUsers;
import org.orrery.os.bsp.hosted.ports.BoardPorts;
import org.orrery.os.bsp.hosted.shm.ShmException;
import org.orrery.os.bsp.hosted.shm.ShmFolder;
import org.orrery.os.bsp.hosted.watchdog.WatchdogKicker;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.Limits;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardParts;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.RunSummary;

/**
 * The hosted real-time board on Linux. The kernel runs in this process on a SCHED_FIFO thread that owns the module
 * schedule in real time (CLOCK_MONOTONIC); each partition with an application is its own JVM process started from
 * the image, in its own cgroup (memory: its budget as heap plus the JVM's own allowance; pids; cpuset: its
 * configured cores, narrowed to the core of the open window for a partition with several), thawed only while one of
 * its windows is open. Nothing falls back to best effort: a machine
 * without cgroups, delegation or real-time priority refuses to boot with one line saying what is missing.
 */
public final class HostedBoardSupport implements BoardSupport {

    public static final String NAME = "hosted";
    /**
     * Own code a process may run without a kernel call, over its windows, before it counts as an overrun. It is
     * time in the partition's windows less the time the partition's cgroup waited for a processor in them (a loaded
     * host may give it less than its window: a partition JVM's initialisation once took over a second of window time
     * in a CI run); a process blocked in its own code (a deadlock, a sleep) waits for no processor and is charged in
     * full. It also covers a cold JVM's first runs of the code (the first
     * String.format of wan-router's services process took 101 ms of window time in a CI run). A process that never
     * calls the kernel reaches it in any case.
     */
    public static final long DEFAULT_OVERRUN_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** What a partition's JVM needs beside its heap (metaspace, code cache, thread stacks, GC structures). */
    static final long JVM_ALLOWANCE = 96L << 20;
    /** Threads of a partition's JVM beside its processes (GC, compiler, runtime); a fork bomb stops here. */
    static final int JVM_THREADS = 64;

    private static final long DRAIN_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int TRACE_CAPACITY = 1 << 16;
    /** Board groups are named {@code orrery-<kernel pid>-<n>}. */
    static final String BOARD_PREFIX = "orrery-";
    private static final java.util.concurrent.atomic.AtomicInteger BOARDS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "real-time board on this Linux machine (one cgroup-confined process per partition)";
    }

    @Override
    public RunSummary boot(BootRequest request) throws ConfigException, BoardException {
        long bootNanos = System.nanoTime();
        StartPhases phases = new StartPhases(bootNanos);
        SystemConfig config = request.config();
        checkMachine(config);
        phases.mark("machine checked"); // in a cold JVM mostly the linking of the board's Linux calls
        Cgroups cgroups = Cgroups.detect();
        WatchdogKicker kicker = watchdog(request);
        long overrun = request.guardNanos() > 0 ? request.guardNanos() : DEFAULT_OVERRUN_NANOS;
        // a board its watchdog reset left its groups behind: the processes are gone, the empty groups go now
        cgroups.removeStaleBoards(BOARD_PREFIX);
        String boardName = BOARD_PREFIX + ProcessHandle.current().pid() + "-" + BOARDS.incrementAndGet();
        return OwnKernelBoard.boot(request, cgroups, kicker, overrun, boardName, phases, bootNanos);
    }

    /** The shared-memory regions of the board's sampling channels, under /dev/shm. */
    static BoardPorts ports(SystemConfig config, String boardName, PartitionUsers users) throws BoardException {
        try {
            return BoardPorts.create(config, ShmFolder.DEV_SHM, boardName, BOARD_PREFIX, users);
        } catch (ShmException e) {
            throw new BoardUnavailableException("shared-memory ports: " + e.getMessage(), e);
        }
    }

    /** What the board's engine does, from its boot to the run's summary. */
    interface EngineRun {
        RunSummary run() throws Exception;
    }

    /**
     * Runs {@code run} on the board's engine thread (its own, so the caller's priority and stack stay its own) and
     * returns the summary; a failure comes back as a board's one-line refusal where it is one.
     */
    static RunSummary onEngineThread(EngineRun run) throws ConfigException, BoardException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread engine = new Thread(() -> {
            try {
                outcome.set(run.run());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "orrery-hosted-engine");
        engine.start();
        try {
            engine.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while the board ran");
        }
        return switch (outcome.get()) {
            case RunSummary s -> s;
            case ConfigException e -> throw e;
            case BoardException e -> throw e;
            case IllegalStateException e -> throw new BoardException(e.getMessage(), e);
            case RuntimeException e -> throw e;
            case Object o -> throw new IllegalStateException("the hosted board's engine failed", (Throwable) o);
        };
    }

    /**
     * The first call through an FFM downcall handle links it (0.5-1.7 s measured under load), and the first write to
     * a control file opens its path in the kernel: done here, before board time starts, rather than at the first
     * window edges (which otherwise opened up to a second late).
     */
    static void warmUp(WindowGate gate) throws BoardException {
        for (int i = 0; i < 3; i++) {
            Linux.sleepUntil(Linux.monotonicNanos());
        }
        // the kernel's call threads ask for their own tid when they start, after board time began
        Linux.setFifo(Linux.tid(), Priorities.ENGINE);
        gate.exercise();
    }

    /**
     * Starts board time and runs the schedule in slices: between slices the trace is handed to its writer thread (the
     * sink's writes never hold a window edge) and a stop request is honoured; with a trace, the writer asks for it
     * once it has written a slice, so whoever answers sees the trace up to there.
     */
    /**
     * The board's tables are all allocated now (trace buffers, batches, port regions): collect before board time. In G1
     * an allocation of a large table can start a concurrent cycle whose pauses (the remark, tens of ms in a shared JVM)
     * otherwise fell on the first windows and made a neighbour miss its window. Called before board time is known
     * too: a collection in a test's JVM took 200 ms, more than the lead of an announced beginning.
     */
    static void collectBeforeTime(StartPhases phases) {
        System.gc();
        phases.mark("heap collected");
    }

    static void drive(Kernel kernel, BootRequest request, BoardParts board, WindowGate gate, BoardPorts ports,
            RealTimeClock clock, StartPhases phases) throws BoardException, InterruptedException, java.io.IOException {
        TraceHandoff trace = request.trace() == null ? null
                : new TraceHandoff(request.trace(), request.stop(), kernel.traceBuffers().length, () -> {
                    try {
                        Linux.setOther();
                    } catch (BoardException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
        BooleanSupplier stop = trace == null ? request.stop() : trace::stopRequested;
        boolean finished = false;
        try {
            ports.clockStarted(clock.start());
            long end = request.durationNs();
            for (long t = 0; t < end && !kernel.isShutdown() && !stop.getAsBoolean(); ) {
                t = Math.min(end, t + DRAIN_SLICE_NANOS);
                kernel.runUntil(t);
                if (gate.failure() != null) {
                    throw new BoardException("cannot keep partitions apart any more: " + gate.failure());
                }
                if (trace != null) {
                    board.executor().lock().lock();
                    try {
                        ports.trace(kernel.traceBuffers(), kernel.now());
                        trace.drain(kernel.traceBuffers());
                    } finally {
                        board.executor().lock().unlock();
                    }
                }
            }
            if (trace != null) {
                board.executor().lock().lock();
                try {
                    trace.finish(kernel.traceBuffers());
                } finally {
                    board.executor().lock().unlock();
                }
            }
            finished = true;
        } finally {
            if (trace != null && !finished) {
                trace.close(); // the board failed: the writer stops after its batch
            }
        }
    }

    static PartitionGroup[] partitionGroups(SystemConfig config, BootRequest request, BoardGroup groups)
            throws BoardException {
        PartitionGroup[] byIndex = new PartitionGroup[config.partitions().size()];
        for (PartitionConfig p : config.partitions()) {
            if (!request.applicationJars().containsKey(p.name())) {
                continue;
            }
            BitSet cpus = new BitSet();
            p.cores().forEach(cpus::set);
            long memory = Math.max(p.memoryBudget(), 4L << 20) + JVM_ALLOWANCE;
            byIndex[p.index()] = groups.partition("p" + p.index(), memory, JVM_THREADS + p.processes().size(), cpus);
        }
        return byIndex;
    }

    /**
     * The board's watchdog when this kernel process runs under the supervisor ({@code ORRERY_WATCHDOG}); says on
     * the console when the supervisor reset the board before this boot.
     */
    private static WatchdogKicker watchdog(BootRequest request) throws BoardException {
        try {
            WatchdogKicker kicker = WatchdogKicker.fromEnvironment().orElse(null);
            if (kicker != null && WatchdogKicker.boardResets() > 0) {
                request.console().accept("board: reset by its watchdog before this boot (reset "
                        + WatchdogKicker.boardResets() + ", cause " + WatchdogKicker.lastResetCause().orElse("unknown")
                        + ")");
            }
            return kicker;
        } catch (java.io.IOException e) {
            throw new BoardUnavailableException("board watchdog: " + e.getMessage(), e);
        }
    }

    /** The port watchers serve processes waiting in the kernel: they run at the priority of the kernel's calls. */
    static void kernelCallPriority() {
        try {
            Linux.setFifo(Linux.tid(), Priorities.KERNEL_CALLS);
        } catch (BoardException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Refuses what this board cannot run, before anything starts. */
    private static void checkMachine(SystemConfig config) throws BoardException {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            throw new BoardUnavailableException("the hosted board runs on Linux (x86_64 or aarch64) only; this is "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        if (!Linux.available()) {
            throw new BoardUnavailableException("the hosted board cannot link its Linux calls (clock_nanosleep,"
                    + " sched_setscheduler, sched_setaffinity, mlockall, kill) on this " + System.getProperty("os.arch")
                    + " machine (the board runs on Linux, x86_64 or aarch64)");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        if (config.board().cores() > cpus) {
            throw new BoardUnavailableException("system " + config.name() + " needs " + config.board().cores()
                    + " cores; this machine gives the board " + cpus);
        }
        for (PlanConfig plan : config.plans()) {
            for (WindowConfig w : plan.windows()) {
                if (w.durationNs() < Limits.HOSTED_MIN_WINDOW_NS) {
                    throw new BoardUnavailableException("plan " + plan.name() + ", core " + w.core() + ": the window of "
                            + w.partition() + " at " + millis(w.startNs()) + " lasts " + millis(w.durationNs())
                            + ", shorter than the " + millis(Limits.HOSTED_MIN_WINDOW_NS) + " the hosted board honours: "
                            + Limits.HOSTED_MIN_WINDOW_REASON);
                }
            }
        }
    }

    private static String millis(long ns) {
        return java.math.BigDecimal.valueOf(ns, 6).stripTrailingZeros().toPlainString() + " ms";
    }

    static List<String> report(WindowGate gate, StartPhases phases, String partitionStart, PartitionUsers users,
            String namespaces, Lateness lateness, Cgroups cgroups, boolean locked) {
        List<String> lines = new ArrayList<>();
        long first = gate.firstWindowNanos();
        lines.add("board start to first window: " + (first < 0 ? "no window opened" : first / 1_000_000 + " ms")
                + " (" + phases.describe() + ")");
        lines.add(partitionStart);
        lines.add(users.describe());
        lines.add(namespaces);
        lines.addAll(List.of(lateness.report()));
        lines.add("cgroups: " + cgroups.describe());
        lines.add("kernel preemption: " + KernelPreemption.detect().describe());
        lines.add("kernel process memory: " + (locked ? "locked in RAM (mlockall), " + residentKib() + " KiB resident"
                : "not locked (the board shares its JVM with a tool)"));
        return lines;
    }

    /**
     * VmRSS of this process, from /proc/self/status; -1 when it cannot be read. Under mlockall every resident page
     * is locked; VmLck would count the locked ranges, gigabytes the JVM reserved but never touched.
     */
    private static long residentKib() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // reported as unknown
        }
        return -1;
    }

    /** clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME); it fails only on arguments the board never passes. */
    static void sleepUntil(long monotonicNs) {
        try {
            Linux.sleepUntil(monotonicNs);
        } catch (BoardUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Freezes every partition's group (none of their windows is open: board time has not begun). */
    static void freezeAll(PartitionGroup[] groups) {
        eachGroup(groups, PartitionGroup::freeze);
    }

    static void thawAll(PartitionGroup[] groups) {
        eachGroup(groups, PartitionGroup::thaw);
    }

    private interface GroupAction {
        void apply(PartitionGroup group) throws BoardException;
    }

    private static void eachGroup(PartitionGroup[] groups, GroupAction action) {
        for (PartitionGroup g : groups) {
            if (g != null) {
                try {
                    action.apply(g);
                } catch (BoardException e) {
                    // met again where it matters: its first window edge stops the board saying why, closing kills
                    // the group's processes anyway
                }
            }
        }
    }
}
