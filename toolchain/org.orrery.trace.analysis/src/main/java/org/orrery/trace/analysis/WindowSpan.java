// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

/**
 * A partition window on one core, as it ran (from the trace) or as it was configured (the overlay).
 * {@code windowIndex} indexes the plan's window table; {@code overrun} is set when the kernel had to take
 * the core back from a partition that did not yield at the window's end.
 */
public record WindowSpan(int core, long startNs, long endNs, int partition, int planIndex, int windowIndex,
        boolean overrun) implements Span {

    public long durationNs() {
        return endNs - startNs;
    }
}
