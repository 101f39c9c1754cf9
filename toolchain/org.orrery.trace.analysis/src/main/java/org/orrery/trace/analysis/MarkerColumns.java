// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import org.orrery.os.trace.TraceEventType;

/** Point events of one core in columns: time, type (also the colour) and the three payload fields. */
public final class MarkerColumns extends TimeColumns {

    private long[][] f0 = {new long[FIRST]};
    private long[][] f1 = {new long[FIRST]};
    private long[][] f2 = {new long[FIRST]};

    public int add(long timeNs, TraceEventType type, long p0, long p1, long p2) {
        int i = append(timeNs, timeNs, type.id());
        int page = i >>> PAGE_SHIFT;
        int slot = i & PAGE_MASK;
        f0[page][slot] = p0;
        f1[page][slot] = p1;
        f2[page][slot] = p2;
        return i;
    }

    @Override
    protected void grow(int page, int length) {
        f0 = grown(f0, page, length);
        f1 = grown(f1, page, length);
        f2 = grown(f2, page, length);
    }

    public TraceEventType type(int i) {
        return TraceEventType.fromId(colour(i));
    }

    /** The marker as the record the labels describe. */
    public TimelineMarker marker(int core, int i) {
        int page = i >>> PAGE_SHIFT;
        int slot = i & PAGE_MASK;
        return new TimelineMarker(core, startNs(i), type(i), f0[page][slot], f1[page][slot], f2[page][slot]);
    }
}
