// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.orrery.os.api.ProcessState;
import org.orrery.os.trace.TraceEventType;

/**
 * One core's lane of the Timeline, in columns: the windows that ran, the configured windows (overlay), process
 * states and point events. Events are fed in time order, as a stream's packets hold them; a window or process
 * state becomes an item when it ends, and until then it is open (drawn up to the newest time of a trace that
 * is still growing).
 *
 * <p>Attributes: windows {@code a} partition, {@code b} plan, {@code c} window index, {@code d} 1 if overrun;
 * process spans {@code a} partition, {@code b} process, {@code c} state ordinal.
 */
public final class LaneColumns {

    private static final int STATES = ProcessState.values().length;

    private final int core;
    private final SpanColumns windows = new SpanColumns();
    private final SpanColumns processes = new SpanColumns();
    private final MarkerColumns markers = new MarkerColumns();
    private SpanColumns configured = new SpanColumns();

    private long oldestNs = Long.MAX_VALUE;
    private long newestNs = Long.MIN_VALUE;
    private boolean windowOpen;
    private long windowStart;
    private int windowPartition;
    private int windowIndex;
    private int windowPlan;

    /** Open process states, open addressing by key partition << 32 | process. */
    private long[] openKey = new long[64];
    private int[] openState = new int[64];
    private long[] openSince = new long[64];
    private boolean[] used = new boolean[64];
    private int openCount;

    public LaneColumns(int core) {
        this.core = core;
    }

    /** One event of this core, in time order; types this version does not know are skipped. */
    public void accept(long timeNs, int typeId, long f0, long f1, long f2) {
        if (oldestNs == Long.MAX_VALUE) {
            oldestNs = timeNs;
        }
        newestNs = timeNs;
        TraceEventType type = TraceEventType.fromId(typeId);
        if (type == null) {
            return;
        }
        switch (type) {
            case WINDOW_START -> {
                closeWindow(timeNs, false);
                windowOpen = true;
                windowStart = timeNs;
                windowPartition = (int) f0;
                windowIndex = (int) f1;
                windowPlan = (int) f2;
            }
            case WINDOW_END -> closeWindow(timeNs, f2 != 0);
            case PROCESS_STATE -> processState(timeNs, f0, f1, f2);
            default -> markers.add(timeNs, type, f0, f1, f2);
        }
    }

    public int core() {
        return core;
    }

    /** Time of this core's first event ({@link Long#MAX_VALUE} before there is one). */
    public long oldestNs() {
        return oldestNs;
    }

    /** Time of this core's newest event ({@link Long#MIN_VALUE} before the first). */
    public long newestNs() {
        return newestNs;
    }

    public SpanColumns windows() {
        return windows;
    }

    public SpanColumns processes() {
        return processes;
    }

    public MarkerColumns markers() {
        return markers;
    }

    public SpanColumns configured() {
        return configured;
    }

    void setConfigured(SpanColumns configured) {
        this.configured = configured;
    }

    /** The window still running (not ended yet), as a span up to {@code nowNs}; null if none. */
    public WindowSpan openWindow(long nowNs) {
        return windowOpen ? new WindowSpan(core, windowStart, Math.max(windowStart, nowNs), windowPartition,
                windowPlan, windowIndex, false) : null;
    }

    /** Process states not ended yet, as spans up to {@code nowNs}. */
    public List<ProcessSpan> openProcessStates(long nowNs) {
        List<ProcessSpan> open = new ArrayList<>(openCount);
        for (int s = 0; s < used.length; s++) {
            if (used[s] && openState[s] >= 0 && openState[s] < STATES && nowNs > openSince[s]) {
                open.add(new ProcessSpan(core, (int) (openKey[s] >> 32), (int) openKey[s],
                        ProcessState.values()[openState[s]], openSince[s], nowNs));
            }
        }
        return open;
    }

    /** The windows that ran, the open one cut at {@code endNs}: what the schedule check compares. */
    public List<WindowSpan> windowSpans(long endNs) {
        List<WindowSpan> all = new ArrayList<>(windows.size() + 1);
        for (int i = 0; i < windows.size(); i++) {
            all.add(window(i));
        }
        WindowSpan open = openWindow(endNs);
        if (open != null) {
            all.add(open);
        }
        return all;
    }

    public WindowSpan window(int i) {
        return new WindowSpan(core, windows.startNs(i), windows.endNs(i), windows.a(i), windows.b(i), windows.c(i),
                windows.d(i) != 0);
    }

    public WindowSpan configuredWindow(int i) {
        return new WindowSpan(core, configured.startNs(i), configured.endNs(i), configured.a(i), configured.b(i),
                configured.c(i), false);
    }

    public ProcessSpan processSpan(int i) {
        return new ProcessSpan(core, processes.a(i), processes.b(i), ProcessState.values()[processes.c(i)],
                processes.startNs(i), processes.endNs(i));
    }

    private void closeWindow(long endNs, boolean overrun) {
        if (!windowOpen) {
            return;
        }
        windowOpen = false;
        windows.add(windowStart, endNs, windowPartition, windowPartition, windowPlan, windowIndex, overrun ? 1 : 0);
    }

    private void processState(long timeNs, long partition, long process, long state) {
        long key = (partition << 32) | (process & 0xFFFF_FFFFL);
        int slot = slot(key);
        if (used[slot]) {
            int previous = openState[slot];
            long since = openSince[slot];
            if (previous >= 0 && previous < STATES && timeNs > since) {
                processes.add(since, timeNs, previous, (int) partition, (int) process, previous, 0);
            }
        } else {
            used[slot] = true;
            openKey[slot] = key;
            if (++openCount * 2 > used.length) {
                rehash();
                slot = slot(key);
            }
        }
        openState[slot] = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, state));
        openSince[slot] = timeNs;
    }

    private int slot(long key) {
        int mask = used.length - 1;
        int s = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (used[s] && openKey[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private void rehash() {
        long[] keys = openKey;
        int[] states = openState;
        long[] since = openSince;
        boolean[] was = used;
        int capacity = used.length * 2;
        openKey = new long[capacity];
        openState = new int[capacity];
        openSince = new long[capacity];
        used = new boolean[capacity];
        for (int s = 0; s < was.length; s++) {
            if (was[s]) {
                int t = slot(keys[s]);
                used[t] = true;
                openKey[t] = keys[s];
                openState[t] = states[s];
                openSince[t] = since[s];
            }
        }
        Arrays.fill(was, false);
    }
}
