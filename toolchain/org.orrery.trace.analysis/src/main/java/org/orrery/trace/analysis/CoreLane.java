// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.List;

/**
 * Everything the timeline shows for one core: the windows that ran, the configured windows (overlay), process
 * states and point events, each indexed by time so that a view asks for the visible range only.
 */
public record CoreLane(int core, SpanIndex<WindowSpan> windows, SpanIndex<WindowSpan> configured,
        SpanIndex<ProcessSpan> processes, List<TimelineMarker> markers) {

    public CoreLane {
        markers = List.copyOf(markers);
    }

    public List<WindowSpan> windowsIn(long fromNs, long toNs) {
        return windows.overlapping(fromNs, toNs);
    }

    /** Point events in [fromNs, toNs]; markers are kept in time order by the builder. */
    public List<TimelineMarker> markersIn(long fromNs, long toNs) {
        int from = SpanIndex.firstAtOrAfter(markers, TimelineMarker::timeNs, fromNs);
        int to = SpanIndex.firstAtOrAfter(markers, TimelineMarker::timeNs, toNs + 1);
        return markers.subList(from, to);
    }
}
