// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.function.Consumer;
import org.orrery.os.kernel.Board;
import org.orrery.os.kernel.Clock;
import org.orrery.os.kernel.ProcessExecutor;
import org.orrery.os.trace.TraceBuffer;

/** The simulated board: a virtual clock, a lockstep executor, a console and one trace buffer per core. */
public final class SimBoard implements Board {
    private final VirtualClock clock = new VirtualClock();
    private final ProcessExecutor executor;
    private final Consumer<String> console;
    private final TraceBuffer[] trace;

    public SimBoard(int cores, int traceCapacityPerCore, long guardNanos, Consumer<String> console) {
        this(cores, traceCapacityPerCore, new LockstepExecutor(guardNanos), console);
    }

    /** A board whose process code runs through {@code executor} (in partition processes, for one). */
    public SimBoard(int cores, int traceCapacityPerCore, ProcessExecutor executor, Consumer<String> console) {
        this.executor = executor;
        this.console = console;
        this.trace = new TraceBuffer[cores];
        for (int c = 0; c < cores; c++) {
            trace[c] = new TraceBuffer(c, traceCapacityPerCore);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ProcessExecutor executor() {
        return executor;
    }

    @Override
    public Consumer<String> console() {
        return console;
    }

    @Override
    public TraceBuffer trace(int core) {
        return trace[core];
    }
}
