// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.function.Consumer;

import org.orrery.os.kernel.Board;
import org.orrery.os.kernel.Clock;
import org.orrery.os.kernel.ProcessExecutor;
import org.orrery.os.kernel.WindowListener;
import org.orrery.os.trace.TraceBuffer;

/** The hosted board as the kernel sees it: a real-time clock, concurrent partition processes, a window gate. */
final class HostedBoard implements Board {
    private final RealTimeClock clock;
    private final ProcessExecutor executor;
    private final Consumer<String> console;
    private final TraceBuffer[] trace;
    private final WindowGate gate;

    HostedBoard(RealTimeClock clock, ProcessExecutor executor, Consumer<String> console, int cores, int traceCapacity,
            WindowGate gate) {
        this.clock = clock;
        this.executor = executor;
        this.console = console;
        this.gate = gate;
        this.trace = new TraceBuffer[cores];
        for (int c = 0; c < cores; c++) {
            trace[c] = new TraceBuffer(c, traceCapacity);
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

    @Override
    public WindowListener windows() {
        return gate;
    }
}
