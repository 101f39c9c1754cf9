// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.BoardParts;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.ModuleLink;
import org.orrery.os.kernel.OperatorDesk;
import org.orrery.os.kernel.WindowListener;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceSink;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * Runs a system on the simulated board (the entry point for the CLI and tests):
 * <pre>
 * SimResult r = Simulator.of(config, loader).traceSink(ctfWriter).run(10_000_000_000L);
 * </pre>
 * Same configuration + same applications + same options → the same console lines, summary and trace.
 */
public final class Simulator {
    /** Virtual time between two drains of the trace buffers into the sink. */
    private static final long DRAIN_SLICE_NS = 10_000_000L;

    private final SystemConfig config;
    private final ApplicationLoader loader;
    private long guardNanos = LockstepExecutor.DEFAULT_GUARD_NANOS;
    private int traceCapacity = 1 << 16;
    private TraceSink traceSink;
    private Consumer<String> echo = line -> { };
    private BooleanSupplier stopRequested;
    private PartitionProcesses processes;
    private OperatorDesk operator = new OperatorDesk();
    private Set<String> resident = Set.of();
    private ModuleLink link;

    private Simulator(SystemConfig config, ApplicationLoader loader) {
        this.config = config;
        this.loader = loader;
    }

    public static Simulator of(SystemConfig config, ApplicationLoader loader) {
        return new Simulator(config, loader);
    }

    /** Wall-clock time a process may hold the core between two kernel calls before it is abandoned. */
    public Simulator guardMillis(long millis) {
        return guardNanos(millis * 1_000_000L);
    }

    /** As {@link #guardMillis}; the default is {@link LockstepExecutor#DEFAULT_GUARD_NANOS}. */
    public Simulator guardNanos(long nanos) {
        this.guardNanos = nanos;
        return this;
    }

    /** Events each core's buffer holds (between drains when a sink is set). */
    public Simulator traceCapacity(int eventsPerCore) {
        this.traceCapacity = eventsPerCore;
        return this;
    }

    /**
     * Receives every trace event during the run (buffers are drained every 10 ms of virtual time). A
     * {@link CtfWriter} sink also gets each core's count of events discarded because its buffer was full.
     */
    public Simulator traceSink(TraceSink sink) {
        this.traceSink = sink;
        return this;
    }

    /** Also hands each console line to {@code echo} as it is printed. */
    public Simulator echo(Consumer<String> echo) {
        this.echo = echo;
        return this;
    }

    /**
     * Asked between slices of 10 ms virtual time; when it answers true the run ends early with what was
     * recorded so far (an IDE's Terminate button, a CLI's Ctrl-C).
     */
    public Simulator stopWhen(BooleanSupplier stop) {
        this.stopRequested = stop;
        return this;
    }

    /** Takes operator requests (start/stop/restart a partition, switch plan) from {@code desk} while it runs. */
    public Simulator operator(OperatorDesk desk) {
        this.operator = desk;
        return this;
    }

    /**
     * Runs each partition's code in its own process ({@code processes}, started from the image), instead of
     * in this JVM with {@code loader}. The caller owns {@code processes} and closes it after the run.
     */
    public Simulator partitionProcesses(PartitionProcesses processes) {
        this.processes = processes;
        return this;
    }

    /**
     * Runs only the partitions named in {@code resident} here, with {@code link} standing for the module's kernel
     * ({@link Kernel#bootResident}): what a partition's own kernel does, on the deterministic board.
     */
    public Simulator residentOnly(Set<String> resident, ModuleLink link) {
        this.resident = Set.copyOf(resident);
        this.link = Objects.requireNonNull(link, "link");
        return this;
    }

    /** Boots the system and runs it for {@code durationNs} of virtual time (less if it shuts down). */
    public SimResult run(long durationNs) throws ConfigException {
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> out = line -> {
            console.add(line);
            echo.accept(line);
        };
        LockstepExecutor lockstep = new LockstepExecutor(guardNanos);
        // Processes run only when the engine resumes them, so window edges need no action on the host.
        BoardParts board = new BoardParts(new VirtualClock(), processes == null ? lockstep : processes.executor(lockstep),
                out, config.board().cores(), traceCapacity, WindowListener.NONE);
        ApplicationLoader apps = processes == null ? loader : processes.loader();
        Kernel kernel = link == null ? Kernel.boot(config, board, apps, operator)
                : Kernel.bootResident(config, board, apps, resident, link);
        try {
            if (traceSink == null && stopRequested == null) {
                kernel.runUntil(durationNs);
            } else {
                for (long t = 0; t < durationNs && !kernel.isShutdown()
                        && (stopRequested == null || !stopRequested.getAsBoolean()); ) {
                    t = Math.min(durationNs, t + DRAIN_SLICE_NS);
                    kernel.runUntil(t);
                    if (traceSink != null) {
                        drain(kernel);
                    }
                }
            }
        } finally {
            board.executor().shutdown();
        }
        List<TraceBuffer> traces = traceSink == null ? List.of(kernel.traceBuffers()) : List.of();
        return new SimResult(kernel.summary(), List.copyOf(console), traces);
    }

    private void drain(Kernel kernel) {
        for (TraceBuffer b : kernel.traceBuffers()) {
            // A CTF writer (or a sink that feeds one) records each core's discarded-event count in its packets.
            traceSink.discarded(b.core(), b.discarded());
            b.drainTo(traceSink);
        }
    }
}
