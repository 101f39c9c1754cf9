// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/** Deterministic, varied trace content: every event type, several cores, negative and large field values. */
final class TraceFixtures {

    private TraceFixtures() {
    }

    /** Fills one buffer per core with {@code perCore} events (fewer kept if capacity is smaller). */
    static List<TraceBuffer> buffers(int cores, int capacity, int perCore, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TraceEventType[] types = TraceEventType.values();
        List<TraceBuffer> out = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            TraceBuffer b = new TraceBuffer(c, capacity);
            long ts = r.nextLong(1_000);
            for (int i = 0; i < perCore; i++) {
                TraceEventType t = types[(i + c) % types.length];
                long f0 = t.fieldCount() > 0 ? r.nextLong(-1, 64) : 0;
                long f1 = t.fieldCount() > 1 ? r.nextLong() : 0;
                long f2 = t.fieldCount() > 2 ? r.nextLong(0, Long.MAX_VALUE) : 0;
                b.emit(ts, t, f0, f1, f2);
                ts += r.nextLong(0, 50_000); // equal timestamps happen too
            }
            out.add(b);
        }
        return out;
    }
}
