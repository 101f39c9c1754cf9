// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.trace.TraceEventType;

/** Names for the events' numbers: declared as CTF enumerations, read back, shown by our dump and babeltrace2. */
class CtfNamesTest {

    private static final UUID ID = UUID.nameUUIDFromBytes("names".getBytes());

    @TempDir
    Path tmp;

    /** Two partitions with their own processes; a module-level event (-1) has no process table. */
    static CtfNames names(String first, String second) {
        return CtfNames.builder()
                .field(Map.of(-1L, "module", 0L, first, 1L, second), "partition")
                .field(Map.of(0L, "DORMANT", 1L, "READY", 2L, "RUNNING", 3L, "WAITING"), "state")
                .field(Map.of(0L, "normal", 1L, "maintenance"), "plan", "from_plan", "to_plan")
                .perPartition("process", List.of(Map.of(-2L, "init", 0L, "control"), Map.of(-2L, "init", 0L, "poll")))
                .build();
    }

    private CtfTrace writeAndRead(CtfNames names) throws IOException {
        try (CtfWriter w = new CtfWriter(tmp, ID, 1, Map.of(), names)) {
            w.event(0, 10, TraceEventType.PROCESS_STATE.id(), 1, 0, 2);
            w.event(0, 20, TraceEventType.PROCESS_STATE.id(), 0, -2, 1);
            w.event(0, 30, TraceEventType.PROCESS_STATE.id(), 0, 7, 9); // numbers without names stay numbers
            w.event(0, 40, TraceEventType.PLAN_SWITCH.id(), 0, 1, 0);
            w.event(0, 50, TraceEventType.HM_EVENT.id(), -1, 3, 4);
        }
        return CtfReader.read(tmp);
    }

    private static List<String> dump(CtfTrace trace) {
        StringWriter s = new StringWriter();
        CtfText.dump(trace, new PrintWriter(s, true));
        return s.toString().lines().map(l -> l.substring(l.indexOf(") ") + 2)).toList();
    }

    @Test
    void theDumpShowsNamesWhereTheMetadataDeclaresThem() throws IOException {
        CtfTrace trace = writeAndRead(names("fcs", "nav"));
        assertEquals(List.of(
                "process_state: { cpu_id = 0 }, { partition = \"nav\", process = \"poll\", state = \"RUNNING\" }",
                "process_state: { cpu_id = 0 }, { partition = \"fcs\", process = \"init\", state = \"READY\" }",
                "process_state: { cpu_id = 0 }, { partition = \"fcs\", process = 7, state = 9 }",
                "plan_switch: { cpu_id = 0 }, { from_plan = \"normal\", to_plan = \"maintenance\" }",
                "hm_event: { cpu_id = 0 }, { partition = \"module\", error_code = 3, action = 4 }"), dump(trace));
        assertEquals(5, trace.eventCount());
        assertEquals(1, trace.eventsInTimeOrder().getFirst().f0(), "the numbers are unchanged");
    }

    @Test
    void partitionNamesThatCannotNameAVariantOptionLeaveProcessesAsNumbers() throws IOException {
        CtfTrace trace = writeAndRead(names("event", "nav"));
        assertEquals("process_state: { cpu_id = 0 }, { partition = \"nav\", process = 0, state = \"RUNNING\" }",
                dump(trace).getFirst());
    }

    @Test
    void namesDoNotChangeTheStreamsAndTracesWithoutNamesReadAsBefore() throws IOException {
        writeAndRead(names("fcs", "nav"));
        byte[] named = Files.readAllBytes(tmp.resolve("stream_0"));
        String metadata = Files.readString(tmp.resolve("metadata"));
        assertTrue(metadata.contains("enum : int64_t { \"module\" = -1, \"fcs\" = 0, \"nav\" = 1 } partition;"),
                metadata);
        CtfTrace plain = writeAndRead(CtfNames.NONE);
        assertEquals(List.of(named.length), List.of(Files.readAllBytes(tmp.resolve("stream_0")).length));
        assertTrue(!Files.readString(tmp.resolve("metadata")).contains("enum"), "no names: the metadata of before");
        assertEquals("process_state: { cpu_id = 0 }, { partition = 1, process = 0, state = 2 }", dump(plain).getFirst());
    }

    @Test
    void babeltraceShowsTheNamesToo() throws Exception {
        Babeltrace.assumeAvailable();
        writeAndRead(names("fcs", "nav"));
        Babeltrace.Result r = Babeltrace.read(tmp);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(5, r.lines().size(), String.join("\n", r.lines()));
        String first = r.lines().getFirst();
        assertTrue(first.contains("partition = ( \"nav\" : container = 1 )")
                && first.contains("process = { ( \"poll\" : container = 0 ) }")
                && first.contains("state = ( \"RUNNING\" : container = 2 )"), first);
        assertTrue(r.lines().get(3).contains("to_plan = ( \"maintenance\" : container = 1 )"), r.lines().get(3));
    }
}
