// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.List;

/**
 * One per-core stream: its events in recorded order, how many packets carried them and the tracer's final
 * count of events it had to drop.
 */
public record CtfStream(String fileName, int core, int packets, long discarded, List<CtfEvent> events) {

    public CtfStream {
        events = List.copyOf(events);
    }
}
