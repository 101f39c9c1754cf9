// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/** The reference CTF implementation must read every trace we write, event for event. */
class BabeltraceCompatibilityTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needBabeltrace() throws Exception {
        Babeltrace.assumeAvailable();
    }

    @Test
    void readsManyCoresAndPacketsWithTheSameCount() throws Exception {
        CtfRoundTripTest.write(tmp, TraceFixtures.buffers(8, 2000, 2000, 11), 9, 100);
        long ours = CtfReader.read(tmp).eventCount();
        assertEquals(16_000, ours);
        Babeltrace.Result r = Babeltrace.read(tmp);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(ours, r.lines().size(), r.stderr());
    }

    @Test
    void namesEventsAndFieldsAsDeclared() throws Exception {
        TraceBuffer b = new TraceBuffer(2, 16);
        b.emit(1_000, TraceEventType.HM_EVENT, -1, 8, 3);
        b.emit(2_000, TraceEventType.PLAN_SWITCH, 0, 1, 0);
        try (CtfWriter w = new CtfWriter(tmp, UUID.randomUUID(), 3, Map.of("board", "sim"))) {
            w.drain(b);
        }
        Babeltrace.Result r = Babeltrace.read(tmp);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(2, r.lines().size(), String.join("\n", r.lines()));
        String first = r.lines().get(0);
        assertTrue(first.contains("hm_event:") && first.contains("cpu_id = 2")
                && first.contains("partition = -1") && first.contains("error_code = 8")
                && first.contains("action = 3"), first);
        assertTrue(r.lines().get(1).contains("plan_switch:") && r.lines().get(1).contains("to_plan = 1"),
                r.lines().get(1));
    }

    @Test
    void readsATraceWhoseWriterWasNeverClosed() throws Exception {
        CtfWriter w = new CtfWriter(tmp, UUID.randomUUID(), 2, Map.of(), 4);
        for (int i = 0; i < 10; i++) {
            w.event(1, 100 + i, TraceEventType.USER_EVENT.id(), 0, i, 0);
        }
        Babeltrace.Result r = Babeltrace.read(tmp);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(8, r.lines().size(), String.join("\n", r.lines()));
        w.close();
    }

    @Test
    void readsTracesWithDiscardedEvents() throws Exception {
        List<TraceBuffer> buffers = TraceFixtures.buffers(2, 50, 400, 5);
        CtfRoundTripTest.write(tmp, buffers, 2, 16);
        Babeltrace.Result r = Babeltrace.read(tmp);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(CtfReader.read(tmp).eventCount(), r.lines().size());
        assertEquals(100, r.lines().size());
    }
}
