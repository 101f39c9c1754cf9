// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.Arrays;

import org.orrery.os.trace.TraceEventType;

/** Point events of one core in columns: time, type (also the colour) and the three payload fields. */
public final class MarkerColumns extends TimeColumns {

    private long[] f0 = new long[256];
    private long[] f1 = new long[256];
    private long[] f2 = new long[256];

    public int add(long timeNs, TraceEventType type, long p0, long p1, long p2) {
        int i = append(timeNs, timeNs, type.id());
        f0[i] = p0;
        f1[i] = p1;
        f2[i] = p2;
        return i;
    }

    @Override
    protected void grow(int capacity) {
        f0 = Arrays.copyOf(f0, capacity);
        f1 = Arrays.copyOf(f1, capacity);
        f2 = Arrays.copyOf(f2, capacity);
    }

    public TraceEventType type(int i) {
        return TraceEventType.fromId(colour(i));
    }

    /** The marker as the record the labels describe. */
    public TimelineMarker marker(int core, int i) {
        return new TimelineMarker(core, startNs(i), type(i), f0[i], f1[i], f2[i]);
    }
}
