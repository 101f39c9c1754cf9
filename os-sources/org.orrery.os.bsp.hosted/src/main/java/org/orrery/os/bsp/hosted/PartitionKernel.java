// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.bsp.hosted.ports.OwnPorts;
import org.orrery.os.bsp.hosted.ports.PartitionPorts;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardParts;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.ModuleLink;
import org.orrery.os.kernel.PortStorage;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.kernel.WindowListener;
import org.orrery.os.trace.TraceBuffer;

/**
 * A partition's own kernel, in its process on the hosted board: it schedules the partition's processes in this JVM
 * with the kernel's code (FP/EDF/RR, timers, deadlines, intra-partition objects), in real time on the module's clock,
 * so a process's calls never leave its process. The module's kernel in the board process owns the plans, freezes and
 * thaws this process at window edges and hears through the {@link ModuleLink} what concerns the module; this kernel
 * walks the same plans from the module's frame starts so that it knows its windows without being told each one.
 * Process threads stay SCHED_OTHER, as all partition code does on this board (see {@link Priorities}).
 */
public final class PartitionKernel {
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Starts every line in which a partition process says, as it ends itself, why (the board reads its log). */
    public static final String LAST_WORD = "orrery-partition-lost: ";
    /** The status a partition process ends with after its {@link #LAST_WORD}. */
    public static final int LAST_WORD_STATUS = 70;

    private final Kernel kernel;
    private final BoardParts board;
    private final RealTimeClock clock;
    private final TraceOut trace;
    private final ConcurrentExecutor executor;
    private final int partition;
    /** A debugger is attached to this JVM: see {@link #debugger}. */
    private volatile boolean debugged;

    private PartitionKernel(Kernel kernel, BoardParts board, RealTimeClock clock, TraceOut trace,
            ConcurrentExecutor executor, int partition) {
        this.kernel = kernel;
        this.board = board;
        this.clock = clock;
        this.trace = trace;
        this.executor = executor;
        this.partition = partition;
    }

    /**
     * Boots {@code partition} of {@code config} in this process, its channels served from the shared memory
     * {@code ports} mapped here (null: the kernel's own storage). Nothing runs until {@link #start}: a partition
     * process boots its kernel before the board's time begins, so its first window does not wait for it. This process
     * is the partition's: a stopped process whose thread runs on in its own code beyond the guard ends it
     * ({@link #LAST_WORD}).
     *
     * @param guardNanos own code a process may run without a kernel call before it counts as overrunning; 0 for the
     *        board's default
     */
    /**
     * The name of a partition JVM's thread that runs {@link #run} (its main thread, named before its hello): a board
     * whose partitions may not raise their own threads' share finds it by this name and raises it.
     */
    public static final String ENGINE_THREAD = "orrery-engine";

    public static PartitionKernel boot(SystemConfig config, String partition, ApplicationLoader loader, ModuleLink link,
            Consumer<String> console, long guardNanos, PartitionPorts ports) throws ConfigException {
        return boot(config, partition, loader, link, console, guardNanos, ports, null);
    }

    /**
     * As {@link #boot(SystemConfig, String, ApplicationLoader, ModuleLink, Consumer, long, PartitionPorts)}, handing
     * {@code trace} (null: none) what the kernel traced after each slice of {@link #run}, and before it asks the module
     * for what ends this process (a cold start, a module shutdown or reset), so that nothing it traced is lost with it.
     */
    public static PartitionKernel boot(SystemConfig config, String partition, ApplicationLoader loader, ModuleLink link,
            Consumer<String> console, long guardNanos, PartitionPorts ports, TraceOut trace) throws ConfigException {
        PartitionConfig p = config.partitions().stream().filter(c -> c.name().equals(partition)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no partition '" + partition + "' in " + config.name()));
        RealTimeClock clock = new RealTimeClock(HostedBoardSupport::sleepUntil);
        ConcurrentExecutor executor = new ConcurrentExecutor(clock, clock::sleepUntil,
                guardNanos > 0 ? guardNanos : HostedBoardSupport.DEFAULT_OVERRUN_NANOS,
                () -> Linux.setNice(Linux.tid(), Priorities.PARTITION_PROCESS_NICE));
        executor.idleSleep(new EngineSleep(clock));
        executor.onStuck(PartitionKernel::lastWord);
        executor.threadsNamedByProcess();
        OwnPorts own = ports == null ? null : OwnPorts.of(ports, p);
        BoardParts board = new BoardParts(clock, executor, console, config.board().cores(), 1 << 14,
                WindowListener.NONE, own == null ? PortStorage.NONE : own);
        PartitionKernel[] self = new PartitionKernel[1];
        ModuleLink told = trace == null ? link : new FlushingLink(link, () -> self[0].drain());
        Kernel kernel = Kernel.bootResident(config, board,
                ports == null ? loader : PortStandIns.around(loader, ports), Set.of(p.name()), told);
        if (own != null) {
            own.start(kernel);
        }
        self[0] = new PartitionKernel(kernel, board, clock, trace, executor, p.index());
        executor.liftOverrunWhile(i -> self[0].debugged);
        return self[0];
    }

    /**
     * The module's time begins, or began: board time 0 is the CLOCK_MONOTONIC instant {@code boardBase}, which may be
     * ahead ({@link #run} waits for it). Every core runs the initial plan from then on until {@link #frameBegun} says
     * otherwise.
     */
    public void start(long boardBase) {
        board.executor().lock().lock();
        try {
            // what the boot traced (the partition's cold start) the module traced itself when it started the process
            for (TraceBuffer b : kernel.traceBuffers()) {
                b.drainTo((core, time, id, f0, f1, f2) -> { });
            }
        } finally {
            board.executor().lock().unlock();
        }
        clock.startAt(boardBase);
    }

    /**
     * Links the board's Linux calls: an FFM downcall is linked at its first call, up to a second of a cold JVM's
     * processor. Called before the partition's time counts (before it connects), not in its first window.
     */
    public static void warmUp() {
        RealTimeClock clock = new RealTimeClock(HostedBoardSupport::sleepUntil);
        clock.startAt(System.nanoTime());
        EngineSleep sleep = new EngineSleep(clock);
        sleep.wake();
        sleep.sleepUntil(clock.now(), sleep.ticket());
        HostedBoardSupport.sleepUntil(System.nanoTime());
    }

    /**
     * As {@link #warmUp()}, then a throwaway kernel runs a partition for a moment, so that the kernel's code a process's
     * activation takes is compiled before the partition's first windows, and the text conversions applications use run
     * once ({@link org.orrery.os.partition.TextWarmUp}); a partition process calls it before hello.
     */
    public static void warmUpKernel() throws ConfigException, BoardException {
        warmUp();
        KernelWarmUp.run();
        org.orrery.os.partition.TextWarmUp.run(); // as the partition runtime does: see there
    }

    /**
     * Ends this partition process, saying why where the board finds it: a process whose thread cannot be stopped
     * costs the partition its process, as on the board without kernels of their own.
     */
    private static void lastWord(String why) {
        System.err.println(LAST_WORD + why);
        System.err.flush();
        Runtime.getRuntime().halt(LAST_WORD_STATUS);
    }

    /**
     * Keeps the name of the process that holds a core in this partition's file of the board's folder {@code dir}, where
     * the board finds it when Linux ends this process without a word (see {@link RunningProcess}).
     */
    public void recordRunningProcess(java.nio.file.Path dir) throws java.io.IOException {
        RunningProcess slot = RunningProcess.map(RunningProcess.file(dir, partition));
        executor.lock().lock();
        try {
            executor.holding(slot);
        } finally {
            executor.lock().unlock();
        }
    }

    /**
     * A debugger attached to this JVM ({@code attached}) or left it: while one is, a process that holds its core beyond
     * the guard (its thread stopped at a breakpoint) is not overrunning, as on the board without kernels of their own.
     */
    public void debugger(boolean attached) {
        debugged = attached;
    }

    /** The module switched plan on {@code core} (or this kernel starts late): see {@link Kernel#frameBegun}. */
    public void frameBegun(int core, int plan, long frameStartNs) {
        kernel.frameBegun(core, plan, frameStartNs);
    }

    /** Where a partition kernel's trace goes: its events of each slice, and up to when it has sent all it traced. */
    public interface TraceOut {
        /**
         * {@code events} ({time, core, type id, f0, f1, f2} each, in the order traced) are all this kernel traced up to
         * {@code completeNs} of board time that were not sent before.
         */
        void traced(long completeNs, java.util.List<long[]> events);
    }

    /**
     * Runs the partition until {@code end} says so (asked every 10 ms) or this kernel shut down; then stops it. The
     * calling thread is the engine of the partition's processes, at {@link Priorities#PARTITION_ENGINE_NICE} meanwhile.
     */
    public void run(BooleanSupplier end) throws BoardException {
        if (Linux.nice(Linux.tid()) > Priorities.PARTITION_ENGINE_NICE) {
            // a root board raised it at the hello when this JVM runs as a user of its own (which may not)
            Linux.setNice(Linux.tid(), Priorities.PARTITION_ENGINE_NICE);
        }
        runAsItIs(end);
    }

    /** As {@link #run}, at the calling thread's share as it is (a warm-up's throwaway kernel, before any hello). */
    void runAsItIs(BooleanSupplier end) throws BoardException {
        try {
            // told before board time begins (see start): nothing of the partition runs before it
            clock.sleepUntil(0);
            long t = kernel.now();
            while (!kernel.isShutdown() && !end.getAsBoolean()) {
                t = Math.max(t, kernel.now()) + SLICE_NANOS;
                kernel.runUntil(t);
                drain();
            }
        } finally {
            board.executor().shutdown();
            Linux.setNice(Linux.tid(), Priorities.PARTITION_PROCESS_NICE); // the calling thread's share back
        }
    }

    /** What was traced since the last drain, taken under the kernel's lock (its processes trace too), handed on. */
    private void drain() {
        if (trace == null) {
            return;
        }
        java.util.List<long[]> events = new java.util.ArrayList<>();
        long complete;
        board.executor().lock().lock();
        try {
            complete = kernel.now();
            for (TraceBuffer b : kernel.traceBuffers()) {
                b.drainTo((core, time, id, f0, f1, f2) -> events.add(new long[] {time, core, id, f0, f1, f2}));
            }
        } finally {
            board.executor().lock().unlock();
        }
        trace.traced(complete, events);
    }

    public RunSummary summary() {
        return kernel.summary();
    }
}
