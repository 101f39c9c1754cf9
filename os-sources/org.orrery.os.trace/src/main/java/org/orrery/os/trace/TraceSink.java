// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace;

/**
 * Receives drained trace events. Primitive parameters only, so a sink that writes straight to a byte buffer
 * stays allocation-free too.
 */
@FunctionalInterface
public interface TraceSink {

    /**
     * One event.
     *
     * @param core        the core whose buffer recorded it
     * @param timestampNs board time in nanoseconds
     * @param typeId      {@link TraceEventType#id()}
     * @param f0          first payload field (0 when the type has fewer fields)
     * @param f1          second payload field
     * @param f2          third payload field
     */
    void event(int core, long timestampNs, int typeId, long f0, long f1, long f2);

    /**
     * The core's buffer has dropped {@code total} events since it was created (boards call this before each
     * drain, so a sink that records packets can carry the count; the default ignores it).
     */
    default void discarded(int core, long total) {
    }
}
