// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfNames;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * The reference CTF reader decodes what the kernel recorded, value for value: one run of {@link EveryEventSystem}
 * (every event type the kernel emits, provoked for real) goes to a recording sink and, in the same calls, to two
 * CTF writers (plain numbers, and with the names {@code orrery run} declares); babeltrace2's text output of each
 * trace must give, core by core and in order, every event's name, timestamp (through the metadata's clock) and
 * field values exactly as the kernel passed them to its trace sink.
 */
class BabeltraceFieldValuesTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needBabeltrace() throws Exception {
        Babeltrace.assumeAvailable();
    }

    /** One event as the kernel handed it to the trace sink. */
    record Recorded(int core, long t, TraceEventType type, long f0, long f1, long f2) {
        long field(int i) {
            return i == 0 ? f0 : i == 1 ? f1 : f2;
        }
    }

    @Test
    void everyEventTypeDecodesToTheKernelsOwnValues() throws Exception {
        SystemConfig config = EveryEventSystem.config();
        TraceLabels labels = TraceLabels.of(config);
        List<Recorded> recorded = new ArrayList<>();
        Path plain = tmp.resolve("plain");
        Path named = tmp.resolve("named");
        UUID uuid = UUID.nameUUIDFromBytes("every-event".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SimResult r;
        try (CtfWriter p = new CtfWriter(plain, uuid, 2, Map.of("board", "sim"), 64);
                CtfWriter n = new CtfWriter(named, uuid, 2, Map.of("board", "sim"), labels.names(), 64)) {
            Map<String, Supplier<? extends PartitionApplication>> apps = new TreeMap<>();
            EveryEventSystem.applications().forEach((name, app) -> apps.put(name, () -> app));
            r = Simulator.of(config, ApplicationLoader.of(apps)).traceSink((core, t, id, f0, f1, f2) -> {
                recorded.add(new Recorded(core, t, TraceEventType.fromId(id), f0, f1, f2));
                p.event(core, t, id, f0, f1, f2);
                n.event(core, t, id, f0, f1, f2);
            }).run(EveryEventSystem.DURATION);
        }
        assertProvokedEverything(recorded, r);

        for (Path trace : List.of(plain, named)) {
            Babeltrace.Result bt = Babeltrace.read(trace, List.of("--clock-seconds", "--no-delta"));
            assertEquals(0, bt.exit(), bt.stderr());
            List<Decoded> decoded = bt.lines().stream().map(Decoded::parse).toList();
            assertEquals(recorded.size(), decoded.size(), trace + ": one line per recorded event");
            for (int core = 0; core < 2; core++) {
                int c = core;
                List<Recorded> want = recorded.stream().filter(e -> e.core() == c).toList();
                List<Decoded> got = decoded.stream().filter(d -> d.core() == c).toList();
                assertEquals(want.size(), got.size(), trace + " core " + c);
                for (int i = 0; i < want.size(); i++) {
                    assertSame(want.get(i), got.get(i), trace == named ? labels : null,
                            trace.getFileName() + " core " + c + " event " + i);
                }
            }
        }
    }

    /** The run made every type, with the values whose encoding is easiest to get wrong. */
    private static void assertProvokedEverything(List<Recorded> recorded, SimResult r) {
        Set<TraceEventType> types = recorded.stream().map(Recorded::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TraceEventType.class)));
        assertEquals(EnumSet.allOf(TraceEventType.class), types, "event types the run produced");
        assertTrue(recorded.stream().anyMatch(e -> e.type() == TraceEventType.WINDOW_END && e.f2() == 1),
                "an overrun window end");
        assertTrue(recorded.stream().anyMatch(e -> e.type() == TraceEventType.WATCHDOG_EXPIRED && e.f0() == -1),
                "the board watchdog expired");
        assertTrue(recorded.stream().anyMatch(e -> e.type() == TraceEventType.WATCHDOG_EXPIRED && e.f0() == 2),
                "the software watchdog of w expired");
        for (long v : EveryEventSystem.USER_VALUES) {
            assertTrue(recorded.stream().anyMatch(e -> e.type() == TraceEventType.USER_EVENT && e.f2() == v),
                    "user value " + v);
        }
        assertTrue(recorded.stream().anyMatch(e -> e.type() == TraceEventType.PLAN_SWITCH && e.core() == 1),
                "the plan switch on core 1");
        assertTrue(recorded.stream().anyMatch(e -> e.type() == TraceEventType.PROCESS_STATE && e.f1() == -2),
                "an initialisation process");
        assertEquals(1, r.summary().overruns(), r.summary().format());
        assertEquals("two", r.summary().activePlan(), r.summary().format());
    }

    private static void assertSame(Recorded want, Decoded got, TraceLabels labels, String where) {
        String line = where + ": " + got.line() + "\n  expected " + want;
        assertEquals(want.type().ctfName(), got.name(), line);
        assertEquals(want.t(), got.timestampNs(), line);
        List<String> fields = want.type().fieldNames();
        assertEquals(fields, got.fieldNames(), line);
        for (int i = 0; i < fields.size(); i++) {
            assertEquals(want.field(i), got.values().get(i), line + "\n  field " + fields.get(i));
            String label = labels == null ? null : labels.label(want, i);
            assertEquals(label, got.labels().get(i), line + "\n  label of " + fields.get(i));
        }
    }

    /**
     * One line of babeltrace2's text output ({@code --clock-seconds --no-delta}): {@code [s.ns] name: { cpu_id = N },
     * { field = value, ... }}, a value being a number, an enumeration {@code ( "label" : container = N )}, or a
     * variant holding either, in braces.
     */
    record Decoded(String line, long timestampNs, String name, int core, List<String> fieldNames, List<Long> values,
            List<String> labels) {

        private static final Pattern LINE = Pattern.compile(
                "\\[(\\d+)\\.(\\d{9})\\] (\\w+): \\{ cpu_id = (\\d+) \\}, \\{ (.*) \\}");
        private static final Pattern FIELD = Pattern.compile("(\\w+) = (?:\\{ )?(?:(-?\\d+)|\\( (?:\"((?:[^\"\\\\]|"
                + "\\\\.)*)\"|<unknown>) : container = (-?\\d+) \\))(?: \\})?(?:, |$)");

        static Decoded parse(String line) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "not a babeltrace2 event line: " + line);
            long ns = Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2));
            List<String> names = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            Matcher f = FIELD.matcher(m.group(5));
            int at = 0;
            while (at < m.group(5).length()) {
                assertTrue(f.find(at) && f.start() == at, "field at " + at + " of: " + line);
                names.add(f.group(1));
                values.add(Long.parseLong(f.group(2) != null ? f.group(2) : f.group(4)));
                labels.add(f.group(3));
                at = f.end();
            }
            return new Decoded(line, ns, m.group(3), Integer.parseInt(m.group(4)), names, values, labels);
        }
    }
}
