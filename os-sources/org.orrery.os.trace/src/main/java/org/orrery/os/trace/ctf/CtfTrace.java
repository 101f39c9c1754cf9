// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.orrery.os.trace.TraceSink;

/** A whole trace as read by {@link CtfReader}: metadata and the per-core streams, ordered by core. */
public record CtfTrace(CtfMetadata metadata, List<CtfStream> streams) {

    public CtfTrace {
        streams = List.copyOf(streams);
    }

    public long eventCount() {
        return streams.stream().mapToLong(s -> s.events().size()).sum();
    }

    public long discarded() {
        return streams.stream().mapToLong(CtfStream::discarded).sum();
    }

    /** All events merged across cores by timestamp (ties: lower core first, then recorded order). */
    public List<CtfEvent> eventsInTimeOrder() {
        List<CtfEvent> all = new ArrayList<>();
        for (CtfStream s : streams) {
            all.addAll(s.events());
        }
        // Stable sort keeps each core's recorded order among equal timestamps.
        all.sort(Comparator.comparingLong(CtfEvent::timestampNs).thenComparingInt(CtfEvent::core));
        return all;
    }

    /** Replays the trace into a sink, in time order, as if the buffers were drained again. */
    public void replay(TraceSink sink) {
        for (CtfEvent e : eventsInTimeOrder()) {
            sink.event(e.core(), e.timestampNs(), e.typeId(), e.f0(), e.f1(), e.f2());
        }
    }
}
