// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.api.ProcessState;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfEvent;

/** Turns one core's events, in time order, into window spans, process-state spans and markers. */
final class LaneRecorder {

    private static final ProcessState[] STATES = ProcessState.values();

    private final int core;
    private final List<WindowSpan> windows = new ArrayList<>();
    private final List<ProcessSpan> processes = new ArrayList<>();
    private final List<TimelineMarker> markers = new ArrayList<>();
    /** Key: partition << 32 | process; value: {state ordinal, since}. */
    private final Map<Long, long[]> processStates = new HashMap<>();
    private CtfEvent openWindow;

    LaneRecorder(int core) {
        this.core = core;
    }

    void accept(CtfEvent e) {
        TraceEventType type = TraceEventType.fromId(e.typeId());
        if (type == null) {
            return; // the reader already counted it as unknown; nothing to draw
        }
        switch (type) {
            case WINDOW_START -> {
                closeWindow(e.timestampNs(), false);
                openWindow = e;
            }
            case WINDOW_END -> closeWindow(e.timestampNs(), e.f2() != 0);
            case PROCESS_STATE -> processState(e);
            default -> markers.add(new TimelineMarker(core, e.timestampNs(), type, e.f0(), e.f1(), e.f2()));
        }
    }

    CoreLane finish(long traceEndNs) {
        closeWindow(traceEndNs, false);
        for (Map.Entry<Long, long[]> open : processStates.entrySet()) {
            addProcessSpan(open.getKey(), open.getValue(), traceEndNs);
        }
        processStates.clear();
        return new CoreLane(core, new SpanIndex<>(windows), new SpanIndex<>(List.of()), new SpanIndex<>(processes),
                markers);
    }


    private void closeWindow(long endNs, boolean overrun) {
        if (openWindow == null) {
            return;
        }
        windows.add(new WindowSpan(core, openWindow.timestampNs(), endNs, (int) openWindow.f0(),
                (int) openWindow.f2(), (int) openWindow.f1(), overrun));
        openWindow = null;
    }

    private void processState(CtfEvent e) {
        long key = (e.f0() << 32) | (e.f1() & 0xFFFF_FFFFL);
        long[] previous = processStates.get(key);
        if (previous != null) {
            addProcessSpan(key, previous, e.timestampNs());
        }
        processStates.put(key, new long[] {e.f2(), e.timestampNs()});
    }

    private void addProcessSpan(long key, long[] stateSince, long endNs) {
        int ordinal = (int) stateSince[0];
        if (ordinal < 0 || ordinal >= STATES.length || endNs <= stateSince[1]) {
            return;
        }
        processes.add(new ProcessSpan(core, (int) (key >> 32), (int) key, STATES[ordinal], stateSince[1], endNs));
    }
}
