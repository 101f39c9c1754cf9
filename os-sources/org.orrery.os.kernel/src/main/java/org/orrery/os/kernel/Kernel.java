// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigValidator;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceBuffer;

/**
 * Orrery OS booted on a board: {@link #boot} builds every table from the configuration, cold starts each
 * partition and starts the initial plan on every core at the board's current time; {@link #runUntil}
 * drives the schedule. One thread calls {@link #runUntil} at a time.
 */
public final class Kernel {
    private final Module module;
    private final Engine engine;

    private Kernel(Module module) {
        this.module = module;
        this.engine = new Engine(module);
    }

    /** Boots {@code config} (validated again: a kernel never runs an invalid configuration). */
    public static Kernel boot(SystemConfig config, Board board, ApplicationLoader loader) throws ConfigException {
        return boot(config, board, loader, new OperatorDesk());
    }

    /** As {@link #boot(SystemConfig, Board, ApplicationLoader)}, taking operator requests from {@code desk}. */
    public static Kernel boot(SystemConfig config, Board board, ApplicationLoader loader, OperatorDesk desk)
            throws ConfigException {
        ConfigValidator.check(config);
        return start(new Module(config, board, loader, desk));
    }

    /**
     * Boots a kernel that runs only the partitions named in {@code resident}, the module's kernel running the rest
     * and the module (a partition's own kernel in its process on the hosted board): it schedules those partitions'
     * processes with the same code and policies as a kernel that runs them all, over the same plans from the same
     * instant, and asks {@code link} for what concerns the module. The other partitions never load here and stay
     * IDLE, without a trace of it.
     */
    public static Kernel bootResident(SystemConfig config, Board board, ApplicationLoader loader,
            Set<String> resident, ModuleLink link) throws ConfigException {
        ConfigValidator.check(config);
        Objects.requireNonNull(link, "link");
        boolean[] here = indexes(config, resident);
        return start(new Module(config, board, loader, new OperatorDesk(), here, link, null, null));
    }

    /**
     * Boots the module's kernel of a board whose partitions named in {@code elsewhere} run in kernels of their own
     * ({@link #bootResident}): this kernel keeps the plans, their windows (the board acts on their edges), the board's
     * watchdog, the module's health monitor and the operator's requests, and never loads those partitions; it has
     * {@code kernels} start them, and follows their modes and health-monitor events as their kernels report them.
     */
    public static Kernel bootModule(SystemConfig config, Board board, ApplicationLoader loader, OperatorDesk desk,
            Set<String> elsewhere, PartitionKernels kernels) throws ConfigException {
        ConfigValidator.check(config);
        Objects.requireNonNull(kernels, "kernels");
        return start(new Module(config, board, loader, desk, null, null, indexes(config, elsewhere), kernels));
    }

    private static boolean[] indexes(SystemConfig config, Set<String> names) {
        boolean[] marked = new boolean[config.partitions().size()];
        for (String name : names) {
            int index = config.partitionIndex(name);
            if (index < 0) {
                throw new IllegalArgumentException("no partition '" + name + "' in " + config.name());
            }
            marked[index] = true;
        }
        return marked;
    }

    private static Kernel start(Module m) {
        m.lock.lock();
        try {
            for (PartitionRt p : m.partitions) {
                if (m.elsewhere[p.index]) {
                    m.lifecycle.restart(p, PartitionMode.COLD_START); // its kernel loads it, in its own process
                } else if (m.resident[p.index]) {
                    m.lifecycle.start(p, PartitionMode.COLD_START);
                } else {
                    p.mode = PartitionMode.IDLE;
                }
            }
            for (CoreRt c : m.cores) {
                c.begin(m.targetPlan, m.now);
            }
        } finally {
            m.lock.unlock();
        }
        return new Kernel(m);
    }

    /**
     * A kernel booted with {@link #bootResident} follows the module's schedule: core {@code core} runs {@code plan}
     * in major frames from {@code frameStartNs} on (the module's boot, or the frame end at which the module switched
     * plan). The core joins the frame under way now; windows of it already over never open here. Nothing changes when
     * the core already runs that frame. Every core starts the initial plan at this kernel's boot until told.
     */
    public void frameBegun(int core, int plan, long frameStartNs) {
        module.lock.lock();
        try {
            if (module.link == null) {
                throw new IllegalStateException("only a kernel that runs some partitions follows the module's frames");
            }
            if (plan < 0 || plan >= module.plans.length || core < 0 || core >= module.cores.length) {
                throw new IllegalArgumentException("no plan " + plan + " on core " + core);
            }
            if (module.concurrent) {
                module.engine.catchUp();
            }
            module.targetPlan = plan;
            module.cores[core].join(plan, frameStartNs, module.now);
            module.executor.callMade(); // the engine may sleep towards a boundary that moved
        } finally {
            module.lock.unlock();
        }
    }

    /**
     * A module's kernel ({@link #bootModule}): the kernel of {@code partition} says it changed mode (a cold start of
     * its own asks through {@link #coldStartRequested} instead). Not traced here: that kernel traced it when it
     * happened, and the board merges its trace. A partition this kernel idled stays IDLE whatever comes late.
     */
    public void reportedMode(int partition, PartitionMode mode) {
        module.lock.lock();
        try {
            PartitionRt p = elsewhere(partition);
            if (p.mode != mode && p.mode != PartitionMode.IDLE) {
                p.mode = mode;
                p.reachedNormal |= mode == PartitionMode.NORMAL;
            }
        } finally {
            module.lock.unlock();
        }
    }

    /**
     * A module's kernel: in {@code partition}'s window that closed last, its processes held a core for {@code busyNs}
     * of {@code windowNs}, by the partition's kernel's accounting (this kernel runs none of them). What an operator's
     * desk shows as its use of its last window.
     */
    public void reportedWindowUse(int partition, long windowNs, long busyNs) {
        // not under the kernel's lock, which the engine of a real-time board waits for at window edges: the caller (a
        // partition's link reader, once a window) is a time-sharing thread, and the desk keeps its own monitor
        elsewhere(partition);
        module.operator.windowUsed(partition, windowNs, busyNs);
    }

    /**
     * A module's kernel: the kernel of {@code partition} handled an error (its action done there). Recorded, counted and
     * printed as the module's own health monitor does (traced there), not acted on again.
     */
    public void reportedHm(int partition, HmEvent event) {
        String line;
        module.lock.lock();
        try {
            PartitionRt p = elsewhere(partition);
            if (module.concurrent) {
                module.engine.catchUp();
            }
            line = module.hm.record(p, event);
        } finally {
            module.lock.unlock();
        }
        // printed by the caller's thread without the lock: on a real-time board the engine waits for that lock at
        // window edges, and the caller (a partition's link reader) may be a time-sharing thread that a console write
        // or a preemption holds up for milliseconds
        if (line != null) {
            module.console.accept(line);
        }
    }

    /** A module's kernel: a partition's kernel asks for {@code plan} (the partition may: its kernel checked). */
    public void planRequested(int partition, int plan) {
        module.lock.lock();
        try {
            elsewhere(partition);
            if (plan < 0 || plan >= module.plans.length) {
                throw new IllegalArgumentException("no plan " + plan);
            }
            module.requestPlan(plan);
        } finally {
            module.lock.unlock();
        }
    }

    /** A module's kernel: a partition's kernel asks for its cold start (its health monitor's action or its own). */
    public void coldStartRequested(int partition) {
        module.lock.lock();
        try {
            module.lifecycle.coldStartElsewhere(elsewhere(partition), true);
            module.executor.callMade();
        } finally {
            module.lock.unlock();
        }
    }

    /**
     * A module's kernel: a partition's health monitor asked for the module's {@code action}, SHUTDOWN_MODULE or
     * RESET_MODULE (its own processes are stopped already).
     */
    public void moduleActionRequested(int partition, HmAction action) {
        module.lock.lock();
        try {
            elsewhere(partition);
            if (module.concurrent) {
                module.engine.catchUp();
            }
            switch (action) {
                case SHUTDOWN_MODULE -> module.shutdown();
                case RESET_MODULE -> module.reset();
                default -> throw new IllegalArgumentException(action + " is not the module's to do");
            }
            module.executor.callMade(); // the engine may sleep towards a window edge: it acts now
        } finally {
            module.lock.unlock();
        }
    }

    /**
     * A module's kernel: the process of {@code partition} is gone without being asked to go ({@code why} says how). The
     * health monitor hears it as the partition's error; unless its action restarted or idled the partition, it
     * cold starts.
     */
    public void partitionLost(int partition, ErrorCode error, String why) {
        partitionLost(partition, null, error, why);
    }

    /**
     * As {@link #partitionLost(int, ErrorCode, String)}, reported against {@code process} of the partition when it
     * names one (the process that held a core when its process was lost), against the partition otherwise.
     */
    public void partitionLost(int partition, String process, ErrorCode error, String why) {
        module.lock.lock();
        try {
            PartitionRt p = elsewhere(partition);
            if (p.mode == PartitionMode.IDLE || module.shutdown) {
                return;
            }
            if (module.concurrent) {
                module.engine.catchUp();
            }
            int generation = p.generation;
            Proc proc = null;
            for (Proc q : p.all) {
                if (q.name().equals(process)) {
                    proc = q;
                }
            }
            module.hm.report(p, proc, error, why);
            module.lifecycle.afterLoss(p, generation);
            module.executor.callMade();
        } finally {
            module.lock.unlock();
        }
    }

    /** A module's kernel: what each core runs now, as a partition's kernel that boots needs it (plan, frame start). */
    public long[][] frames() {
        module.lock.lock();
        try {
            long[][] out = new long[module.cores.length][];
            for (CoreRt c : module.cores) {
                out[c.index] = new long[] {c.table.plan, c.frameStart};
            }
            return out;
        } finally {
            module.lock.unlock();
        }
    }

    private PartitionRt elsewhere(int partition) {
        if (partition < 0 || partition >= module.partitions.length || !module.elsewhere[partition]) {
            throw new IllegalArgumentException("partition " + partition + " does not run in a kernel of its own here");
        }
        return module.partitions[partition];
    }

    /** Runs the schedule until {@code timeNs} (exclusive) or until the health monitor shuts the module down. */
    public void runUntil(long timeNs) {
        engine.runUntil(timeNs);
    }

    public long now() {
        module.lock.lock();
        try {
            return module.now;
        } finally {
            module.lock.unlock();
        }
    }

    public boolean isShutdown() {
        module.lock.lock();
        try {
            return module.shutdown;
        } finally {
            module.lock.unlock();
        }
    }

    /** Where operator requests for this kernel are queued (applied at the engine's next step). */
    public OperatorDesk operator() {
        return module.operator.desk();
    }

    public SystemConfig config() {
        return module.config;
    }

    /** The per-core trace buffers (drain them between runs, from the thread calling {@link #runUntil}). */
    public TraceBuffer[] traceBuffers() {
        return module.trace.clone();
    }

    /**
     * A board that passes messages itself ({@link PortStorage#external}) says queuing port {@code port} of
     * {@code partition} is ready: up to {@code count} processes waiting to receive on a destination are woken in the
     * order they came, or every process waiting to send on a source. Returns whether processes still wait on it.
     */
    public boolean portReady(int partition, int port, int count) {
        module.lock.lock();
        try {
            if (module.concurrent) {
                module.engine.catchUp(); // the woken processes' state changes are stamped now
            }
            return module.channels.readyOutside(partition, port, count);
        } finally {
            module.lock.unlock();
        }
    }

    /** Mode of the partition with index {@code partition}. */
    public PartitionMode mode(int partition) {
        module.lock.lock();
        try {
            return module.partitions[partition].mode;
        } finally {
            module.lock.unlock();
        }
    }

    public RunSummary summary() {
        module.lock.lock();
        try {
            Map<String, PartitionMode> modes = new LinkedHashMap<>();
            for (PartitionRt p : module.partitions) {
                modes.put(p.name(), p.mode);
            }
            long discarded = 0;
            for (TraceBuffer b : module.trace) {
                discarded += b.discarded();
            }
            CoreRt first = module.cores[0];
            String plan = module.config.plans().get(first.table == null ? module.targetPlan : first.table.plan).name();
            List<NeverRan> neverRan = neverRan();
            long unrun = neverRan.stream().mapToLong(NeverRan::missedReleases).sum();
            return new RunSummary(module.now, module.windowsRun, module.overruns, module.deadlineMisses + unrun,
                    module.planSwitches, module.moduleResets, module.shutdown, List.copyOf(module.hmEvents), modes,
                    plan, discarded, Arrays.stream(module.planSwitchesPerCore).boxed().toList(), List.of(),
                    neverRan);
        } finally {
            module.lock.unlock();
        }
    }

    /** Partitions that never completed initialisation, with the releases their periodic processes missed. */
    private List<NeverRan> neverRan() {
        List<NeverRan> out = new ArrayList<>();
        for (PartitionRt p : module.partitions) {
            if (p.reachedNormal || !module.resident[p.index]) {
                continue;
            }
            int processes = 0;
            long releases = 0;
            for (ProcessConfig c : p.config.processes()) {
                // Without a declared deadline a periodic job is still due before the next release.
                if (c.kind() == ProcessKind.PERIODIC && c.periodNs() > 0) {
                    processes++;
                    releases += module.now / c.periodNs();
                }
            }
            if (processes > 0) {
                out.add(new NeverRan(p.name(), p.mode, p.windowsOpened, processes, releases));
            }
        }
        return out;
    }
}
