// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceSink;

/**
 * Everything a board needs to boot one system.
 *
 * @param osModules the image's OS module jars by bundle name (boards start partition processes from them,
 *        so what runs is what the image holds)
 * @param applicationJars each partition's application jar, by partition name
 * @param durationNs how long to run, in board time (less when the system shuts down or {@code stop} says so)
 * @param console receives each console line as a partition prints it
 * @param stop asked between slices of board time, once {@code trace} has every event before it (a board that
 *        writes the trace on a thread of its own asks there); true ends the run early with what was recorded
 * @param trace receives every trace event, or null for none
 * @param guardNanos time in its windows a process may keep a core between kernel calls before it counts as
 *        overrunning (a board may leave out the time the partition waited for the host's processors);
 *        0 takes the board's own default
 * @param operator where an operator's requests (start/stop a partition, switch plan) reach the running kernel;
 *        null for a board no one operates
 */
public record BootRequest(SystemConfig config, Map<String, byte[]> osModules, Map<String, byte[]> applicationJars, long durationNs,
        Consumer<String> console, BooleanSupplier stop, TraceSink trace, long guardNanos, OperatorDesk operator) {

    public BootRequest(SystemConfig config, Map<String, byte[]> osModules, Map<String, byte[]> applicationJars,
            long durationNs, Consumer<String> console, BooleanSupplier stop, TraceSink trace, long guardNanos) {
        this(config, osModules, applicationJars, durationNs, console, stop, trace, guardNanos, null);
    }

    public BootRequest {
        Objects.requireNonNull(config, "config");
        osModules = Map.copyOf(osModules);
        applicationJars = Map.copyOf(applicationJars);
        if (durationNs <= 0) {
            throw new IllegalArgumentException("duration must be positive: " + durationNs + " ns");
        }
        if (guardNanos < 0) {
            throw new IllegalArgumentException("guard must be >= 0: " + guardNanos + " ns");
        }
        console = console == null ? line -> { } : console;
        stop = stop == null ? () -> false : stop;
        operator = operator == null ? new OperatorDesk() : operator;
    }
}
