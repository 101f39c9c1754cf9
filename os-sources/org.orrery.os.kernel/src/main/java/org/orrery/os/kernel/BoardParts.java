// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.function.Consumer;
import org.orrery.os.trace.TraceBuffer;

/**
 * A board assembled from its parts. Boards differ in their clock, their executor and whether window edges act
 * on the host; the trace buffers and the console are the same everywhere.
 */
public final class BoardParts implements Board {
    private final Clock clock;
    private final ProcessExecutor executor;
    private final Consumer<String> console;
    private final TraceBuffer[] trace;
    private final WindowListener windows;
    private final PortStorage portStorage;

    /** @param traceCapacityPerCore events each core's preallocated trace buffer holds */
    public BoardParts(Clock clock, ProcessExecutor executor, Consumer<String> console, int cores, int traceCapacityPerCore,
            WindowListener windows) {
        this(clock, executor, console, cores, traceCapacityPerCore, windows, PortStorage.NONE);
    }

    /** As the other constructor, for a board that keeps channel storage of its own ({@code portStorage}). */
    public BoardParts(Clock clock, ProcessExecutor executor, Consumer<String> console, int cores, int traceCapacityPerCore,
            WindowListener windows, PortStorage portStorage) {
        this.portStorage = portStorage;
        this.clock = clock;
        this.executor = executor;
        this.console = console;
        this.windows = windows;
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

    @Override
    public WindowListener windows() {
        return windows;
    }

    @Override
    public PortStorage portStorage() {
        return portStorage;
    }
}
