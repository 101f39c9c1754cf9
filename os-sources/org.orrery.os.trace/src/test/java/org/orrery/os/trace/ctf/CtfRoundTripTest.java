// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

class CtfRoundTripTest {

    private static final UUID ID = UUID.nameUUIDFromBytes("round-trip".getBytes());

    @TempDir
    Path tmp;

    private record Ev(int core, long ts, int type, long f0, long f1, long f2) {}

    /** Writes the buffers (after recording what they hold) and returns the expected events per core. */
    static List<List<Ev>> write(Path dir, List<TraceBuffer> buffers, int cores, int perPacket) throws IOException {
        List<List<Ev>> expected = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            expected.add(new ArrayList<>());
        }
        try (CtfWriter w = new CtfWriter(dir, ID, cores, Map.of("board", "test"), perPacket)) {
            for (TraceBuffer b : buffers) {
                List<Ev> into = expected.get(b.core());
                TraceBuffer copy = new TraceBuffer(b.core(), b.capacity());
                b.drainTo((c, ts, t, f0, f1, f2) -> {
                    TraceEventType type = TraceEventType.fromId(t);
                    // What the reader can return: fields the type does not declare are not stored.
                    into.add(new Ev(c, ts, t, f0, type.fieldCount() > 1 ? f1 : 0, type.fieldCount() > 2 ? f2 : 0));
                    copy.emit(ts, type, f0, f1, f2);
                });
                for (long i = 0; i < b.discarded(); i++) {
                    copy.emit(0, TraceEventType.USER_EVENT, 0, 0, 0); // full: only bumps the discarded count
                }
                w.drain(copy);
            }
        }
        return expected;
    }

    @Test
    void roundTripsEveryEventAcrossPacketsAndCores() throws IOException {
        int cores = 4;
        List<TraceBuffer> buffers = TraceFixtures.buffers(cores, 1000, 1000, 42);
        buffers.add(new TraceBuffer(4, 8)); // a core that records nothing still gets a stream
        List<List<Ev>> expected = write(tmp, buffers, cores + 1, 37);

        CtfTrace trace = CtfReader.read(tmp);
        assertEquals(ID, trace.metadata().uuid());
        assertEquals("test", trace.metadata().env().get("board"));
        assertEquals(cores + 1, trace.streams().size());
        for (int c = 0; c <= cores; c++) {
            CtfStream s = trace.streams().get(c);
            assertEquals(c, s.core());
            assertEquals("stream_" + c, s.fileName());
            List<Ev> got = s.events().stream()
                    .map(e -> new Ev(e.core(), e.timestampNs(), e.typeId(), e.f0(), e.f1(), e.f2())).toList();
            assertEquals(expected.get(c), got, "core " + c);
        }
        assertEquals(28, trace.streams().get(0).packets(), "1000 events / 37 per packet");
        assertEquals(1, trace.streams().get(4).packets());
        assertEquals(4000, trace.eventCount());
        long previous = Long.MIN_VALUE;
        for (CtfEvent e : trace.eventsInTimeOrder()) {
            assertTrue(e.timestampNs() >= previous);
            previous = e.timestampNs();
        }
    }

    @Test
    void discardedCountsReachTheReader() throws IOException {
        List<TraceBuffer> buffers = TraceFixtures.buffers(2, 100, 250, 7);
        assertEquals(150, buffers.get(0).discarded());
        write(tmp, buffers, 2, 4096);
        CtfTrace trace = CtfReader.read(tmp);
        assertEquals(150, trace.streams().get(0).discarded());
        assertEquals(300, trace.discarded());
        assertEquals(200, trace.eventCount());
    }

    @Test
    void discardsAfterTheLastEventAreStillRecorded() throws IOException {
        TraceBuffer b = new TraceBuffer(0, 1);
        try (CtfWriter w = new CtfWriter(tmp, ID, 1, Map.of())) {
            b.emit(5, TraceEventType.PLAN_SWITCH, 0, 1, 0);
            w.drain(b);
            b.emit(6, TraceEventType.PLAN_SWITCH, 1, 0, 0);
            b.emit(7, TraceEventType.PLAN_SWITCH, 0, 1, 0); // dropped
            w.drain(b);
            b.emit(8, TraceEventType.PLAN_SWITCH, 1, 0, 0);
            b.emit(9, TraceEventType.PLAN_SWITCH, 0, 1, 0); // dropped, nothing drained after it
            b.drainTo((c, ts, t, f0, f1, f2) -> { });
            w.drain(b);
        }
        CtfTrace trace = CtfReader.read(tmp);
        assertEquals(2, trace.eventCount());
        assertEquals(2, trace.discarded());
    }

    /** A writer that is never closed (the process was killed) leaves a trace of every packet it filled. */
    @Test
    void anUnclosedTraceReadsUpToItsLastFullPacket() throws IOException {
        CtfWriter w = new CtfWriter(tmp, ID, 2, Map.of(), 4);
        assertEquals(0, CtfReader.read(tmp).eventCount(), "readable before the first event");
        for (int i = 0; i < 10; i++) {
            w.event(0, 100 + i, TraceEventType.USER_EVENT.id(), 0, i, 0);
        }
        CtfTrace partial = CtfReader.read(tmp);
        assertEquals(8, partial.eventCount(), "two full packets of four; the open packet is not on disk yet");
        assertEquals(107, partial.eventsInTimeOrder().getLast().timestampNs());
        w.close();
        assertEquals(10, CtfReader.read(tmp).eventCount());
    }

    @Test
    void sameEventsGiveTheSameBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        write(a, TraceFixtures.buffers(3, 500, 500, 9), 3, 64);
        write(b, TraceFixtures.buffers(3, 500, 500, 9), 3, 64);
        for (String f : List.of("metadata", "stream_0", "stream_1", "stream_2")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void rewritesAPreviousTraceButRefusesOtherDirectories() throws IOException {
        write(tmp, TraceFixtures.buffers(3, 10, 10, 1), 3, 64);
        write(tmp, TraceFixtures.buffers(1, 10, 10, 2), 1, 64);
        assertEquals(1, CtfReader.read(tmp).streams().size(), "stale stream files are removed");
        Files.writeString(tmp.resolve(".companion"), "configuration");
        write(tmp, TraceFixtures.buffers(2, 10, 10, 3), 2, 64);
        assertEquals("configuration", Files.readString(tmp.resolve(".companion")),
                "hidden companions are skipped like CTF readers skip them");
        assertEquals(2, CtfReader.read(tmp).streams().size());
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "keep me");
        IOException e = assertThrows(IOException.class, () -> new CtfWriter(other, ID, 1, Map.of()));
        assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void writerRejectsBackwardsTimestampsAndUnknownCores() throws IOException {
        try (CtfWriter w = new CtfWriter(tmp, ID, 2, Map.of())) {
            w.event(0, 100, TraceEventType.USER_EVENT.id(), 0, 0, 0);
            var back = assertThrows(IllegalArgumentException.class,
                    () -> w.event(0, 99, TraceEventType.USER_EVENT.id(), 0, 0, 0));
            assertTrue(back.getMessage().contains("goes backwards"), back.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.event(2, 100, 0, 0, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> w.event(1, 100, 99, 0, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> w.event(1, -1, 0, 0, 0, 0));
        }
        assertEquals(1, CtfReader.read(tmp).eventCount());
    }

    @Test
    void readerNamesFileAndOffsetOfDamage() throws IOException {
        write(tmp, TraceFixtures.buffers(1, 50, 50, 3), 1, 10);
        Path stream = tmp.resolve("stream_0");
        byte[] good = Files.readAllBytes(stream);

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 5);
        Files.write(stream, truncated);
        assertMessage("truncated packet");

        byte[] badMagic = good.clone();
        badMagic[0] ^= 1;
        Files.write(stream, badMagic);
        assertMessage("stream_0 at byte 0: bad packet magic");

        byte[] badUuid = good.clone();
        badUuid[10] ^= 1;
        Files.write(stream, badUuid);
        assertMessage("does not match the trace uuid");

        byte[] badEvent = good.clone();
        badEvent[76] = 99; // first event's id
        Files.write(stream, badEvent);
        assertMessage("stream_0 at byte 76: event id 99 is not declared");

        Files.write(stream, good);
        Files.writeString(tmp.resolve("metadata"), "garbage");
        assertMessage("not CTF 1.8");
        Files.delete(tmp.resolve("metadata"));
        assertMessage("no 'metadata' file");
    }

    private void assertMessage(String part) {
        CtfFormatException e = assertThrows(CtfFormatException.class, () -> CtfReader.read(tmp));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void textDumpPrintsOneLinePerEvent() throws IOException {
        TraceBuffer b = new TraceBuffer(1, 4);
        b.emit(1_500_000_000L, TraceEventType.WINDOW_START, 2, 0, 1);
        b.emit(1_500_000_250L, TraceEventType.WATCHDOG_KICK, 2, 3, 0);
        try (CtfWriter w = new CtfWriter(tmp, ID, 2, Map.of())) {
            w.drain(b);
        }
        StringWriter s = new StringWriter();
        assertEquals(2, CtfText.dump(CtfReader.read(tmp), new PrintWriter(s, true)));
        assertEquals("""
                [1.500000000] (+?.?????????) window_start: { cpu_id = 1 }, { partition = 2, window = 0, plan = 1 }
                [1.500000250] (+0.000000250) watchdog_kick: { cpu_id = 1 }, { partition = 2, watchdog = 3 }
                """, s.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void fieldNamesAreNotTsdlKeywords() {
        // A keyword as a field name makes babeltrace2 reject the whole metadata ("event" once did).
        var keywords = java.util.Set.of("align", "callsite", "const", "char", "clock", "double", "enum", "env",
                "event", "floating_point", "float", "integer", "int", "long", "short", "signed", "stream", "string",
                "struct", "trace", "typealias", "typedef", "unsigned", "variant", "void", "_Bool", "_Complex",
                "_Imaginary", "id", "timestamp");
        for (TraceEventType t : TraceEventType.values()) {
            for (String f : t.fieldNames()) {
                assertTrue(!keywords.contains(f) && f.matches("[a-z_][a-z0-9_]*"), t + "." + f);
            }
        }
    }
}
