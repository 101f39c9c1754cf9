// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TraceBufferTest {

    private record Ev(int core, long ts, int type, long f0, long f1, long f2) {}

    private static List<Ev> drain(TraceBuffer b) {
        List<Ev> out = new ArrayList<>();
        b.drainTo((c, ts, t, f0, f1, f2) -> out.add(new Ev(c, ts, t, f0, f1, f2)));
        return out;
    }

    @Test
    void aBoundedDrainLeavesTheRestInOrderAcrossTheWrap() {
        TraceBuffer b = new TraceBuffer(0, 4);
        for (int i = 0; i < 3; i++) {
            b.emit(i, TraceEventType.WINDOW_START, i, 0, 0);
        }
        List<Ev> out = new ArrayList<>();
        TraceSink sink = (c, ts, t, f0, f1, f2) -> out.add(new Ev(c, ts, t, f0, f1, f2));
        assertEquals(2, b.drainTo(sink, 2));
        assertEquals(1, b.size());
        for (int i = 3; i < 6; i++) { // wraps around the end of the array
            assertTrue(b.emit(i, TraceEventType.WINDOW_START, i, 0, 0));
        }
        assertFalse(b.emit(6, TraceEventType.WINDOW_START, 6, 0, 0), "full: dropped and counted");
        assertEquals(3, b.drainTo(sink, 3));
        assertEquals(1, b.drainTo(sink, 5));
        assertEquals(0, b.drainTo(sink, 5));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), out.stream().map(Ev::ts).toList());
        assertEquals(1, b.discarded());
    }

    @Test
    void drainsInEmissionOrderWithCoreAndFields() {
        TraceBuffer b = new TraceBuffer(3, 8);
        assertTrue(b.emit(10, TraceEventType.WINDOW_START, 1, 2, 3));
        assertTrue(b.emit(20, TraceEventType.PORT_SEND, 4, 5, 6));
        assertTrue(b.emit(30, TraceEventType.WINDOW_END, -1, 0, 1));
        assertEquals(3, b.size());
        assertEquals(List.of(
                new Ev(3, 10, TraceEventType.WINDOW_START.id(), 1, 2, 3),
                new Ev(3, 20, TraceEventType.PORT_SEND.id(), 4, 5, 6),
                new Ev(3, 30, TraceEventType.WINDOW_END.id(), -1, 0, 1)), drain(b));
        assertEquals(0, b.size());
        assertEquals(List.of(), drain(b));
    }

    @Test
    void fullBufferDiscardsAndCountsCumulatively() {
        TraceBuffer b = new TraceBuffer(0, 2);
        assertTrue(b.emit(1, TraceEventType.USER_EVENT, 0, 1, 0));
        assertTrue(b.emit(2, TraceEventType.USER_EVENT, 0, 2, 0));
        assertFalse(b.emit(3, TraceEventType.USER_EVENT, 0, 3, 0));
        assertFalse(b.emit(4, TraceEventType.USER_EVENT, 0, 4, 0));
        assertEquals(2, b.discarded());
        // The kept events are the oldest ones: a full buffer never overwrites what was recorded.
        assertEquals(List.of(1L, 2L), drain(b).stream().map(Ev::f1).toList());
        assertTrue(b.emit(5, TraceEventType.USER_EVENT, 0, 5, 0));
        assertEquals(2, b.discarded(), "draining does not reset the running count");
    }

    @Test
    void wrapsAroundAfterPartialDrains() {
        TraceBuffer b = new TraceBuffer(1, 3);
        long next = 0;
        List<Long> seen = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int k = 0; k < 1 + round % 3; k++) {
                assertTrue(b.emit(next, TraceEventType.USER_EVENT, 0, next, 0));
                next++;
            }
            seen.addAll(drain(b).stream().map(Ev::ts).toList());
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < next; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertEquals(0, b.discarded());
    }

    @Test
    void sinkFailureDoesNotReplayEvents() {
        TraceBuffer b = new TraceBuffer(0, 4);
        b.emit(1, TraceEventType.USER_EVENT, 0, 0, 0);
        b.emit(2, TraceEventType.USER_EVENT, 0, 0, 0);
        assertThrows(IllegalStateException.class, () -> b.drainTo((c, ts, t, f0, f1, f2) -> {
            throw new IllegalStateException("sink broke");
        }));
        assertEquals(List.of(2L), drain(b).stream().map(Ev::ts).toList());
    }

    @Test
    void rejectsBadConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new TraceBuffer(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new TraceBuffer(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TraceBuffer(0, TraceBuffer.MAX_CAPACITY + 1));
    }

    @Test
    void emitAndDrainDoNotAllocate() throws Exception {
        TraceBuffer b = new TraceBuffer(0, 1024);
        long[] sum = new long[1];
        TraceSink sink = (c, ts, t, f0, f1, f2) -> sum[0] += ts + t + f0 + f1 + f2;
        Runnable work = () -> {
            for (int i = 0; i < 200_000; i++) {
                b.emit(i, TraceEventType.PORT_SEND, i, 2, 3);
                if ((i & 511) == 511) {
                    b.drainTo(sink);
                }
            }
            b.drainTo(sink);
        };
        for (int i = 0; i < 5; i++) {
            work.run(); // warm up so the JIT has compiled the loop before we measure
        }
        long before = allocatedBytes();
        assertTrue(before > 0, "thread allocation accounting must be available for this test to mean anything");
        long baseline = allocatedBytes() - before; // cost of the probe itself
        before = allocatedBytes();
        work.run();
        long delta = allocatedBytes() - before - baseline;
        // 200,000 events: allocating even one object per event would be megabytes.
        assertTrue(delta < 16_384, "emit/drain allocated " + delta + " bytes");
        assertTrue(sum[0] != 0);
    }

    /** Reflection: the module reads only java.base, but the platform MXBean is reachable reflectively. */
    private static long allocatedBytes() throws Exception {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                long.class);
        return (Long) m.invoke(bean, Thread.currentThread().threadId());
    }

    @Test
    void eventTypeIdsAreStableAndUnique() {
        Set<Integer> ids = new HashSet<>();
        for (TraceEventType t : TraceEventType.values()) {
            assertTrue(ids.add(t.id()), "duplicate id " + t.id());
            assertTrue(t.fieldCount() <= TraceEventType.MAX_FIELDS);
            assertEquals(t, TraceEventType.fromId(t.id()));
        }
        // Ids are persisted in traces: pin a few so a reordering of the enum cannot change them.
        assertEquals(0, TraceEventType.WINDOW_START.id());
        assertEquals(7, TraceEventType.HM_EVENT.id());
        assertEquals(11, TraceEventType.USER_EVENT.id());
        assertEquals(null, TraceEventType.fromId(-1));
        assertEquals(null, TraceEventType.fromId(999));
        assertEquals("window_start", TraceEventType.WINDOW_START.ctfName());
    }
}
