// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.trace.TraceBuffer;

/**
 * Damaged traces: each case takes a valid two-core trace, damages its metadata text or one stream file (bytes
 * overwritten, inserted or removed, a number grown past its type, the file cut short) and reads it. The reader
 * must refuse with a {@link CtfFormatException} naming the file, or return a trace that keeps the promises a
 * reader of its events relies on; any other exception is a bug. Case count: {@code orrery.fuzz.cases} / 20
 * (500 by default, 10,000 with {@code -P slow-tests}, 1,000,000 with {@code -P long-fuzz}).
 */
class CtfReaderFuzzTest {

    /** A long run says how far it got (a million cases take minutes to hours on a shared machine). */
    private static final int PROGRESS_EVERY = 100_000;

    @TempDir
    Path tmp;

    /** The valid trace: file name to bytes. */
    private Map<String, byte[]> validTrace() throws IOException {
        Path dir = tmp.resolve("valid");
        List<TraceBuffer> buffers = TraceFixtures.buffers(2, 100, 60, 11);
        try (CtfWriter w = new CtfWriter(dir, UUID.nameUUIDFromBytes("fuzz".getBytes(StandardCharsets.UTF_8)), 2,
                Map.of("board", "sim"), 16)) {
            buffers.forEach(w::drain);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of(CtfLayout.METADATA_FILE, "stream_0", "stream_1")) {
            files.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return files;
    }

    private static byte[] damage(byte[] data, boolean text, SplittableRandom r) {
        byte[] d = data;
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && d.length > 0; e++) {
            int at = r.nextInt(d.length);
            switch (r.nextInt(text ? 5 : 4)) {
                case 0 -> d[at] = (byte) r.nextInt(256);
                case 1 -> d[at] = text ? (byte) "-0123456789{};=\" ".charAt(r.nextInt(17)) : (byte) (d[at] ^ 1 << r.nextInt(8));
                case 2 -> d = Arrays.copyOf(d, at); // cut short
                case 3 -> { // remove a run
                    int n = Math.min(d.length - at, 1 + r.nextInt(16));
                    byte[] c = new byte[d.length - n];
                    System.arraycopy(d, 0, c, 0, at);
                    System.arraycopy(d, at + n, c, at, d.length - at - n);
                    d = c;
                }
                default -> { // text: insert digits (numbers past their type's range)
                    byte[] digits = "99999999999999999999".substring(r.nextInt(20)).getBytes(StandardCharsets.US_ASCII);
                    byte[] c = new byte[d.length + digits.length];
                    System.arraycopy(d, 0, c, 0, at);
                    System.arraycopy(digits, 0, c, at, digits.length);
                    System.arraycopy(d, at, c, at + digits.length, d.length - at);
                    d = c;
                }
            }
        }
        return d;
    }

    @Test
    void damagedTracesAreRefusedWithTheirFileOrReadConsistently() throws IOException {
        Map<String, byte[]> valid = validTrace();
        List<String> names = List.copyOf(valid.keySet());
        // The reader's in-memory entry (the same code after the files are read): a million cases in minutes.
        Path dir = tmp.resolve("case");
        SplittableRandom random = new SplittableRandom(Long.getLong("orrery.fuzz.seed", 42));
        int cases = Integer.getInteger("orrery.fuzz.cases", 10_000) / 20;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            if (i > 0 && i % PROGRESS_EVERY == 0) {
                System.out.println("[fuzz] CTF reader: " + refused + " of " + i + " refused so far" + rate(i, start));
            }
            String target = names.get(random.nextInt(names.size()));
            byte[] damaged = damage(valid.get(target).clone(), target.equals(CtfLayout.METADATA_FILE), random);
            SortedMap<String, byte[]> streams = new TreeMap<>(valid);
            streams.put(target, damaged);
            byte[] metadata = streams.remove(CtfLayout.METADATA_FILE);
            CtfTrace trace;
            try {
                trace = CtfReader.read(dir, metadata, streams);
            } catch (CtfFormatException expected) {
                String message = expected.getMessage();
                assertTrue(message.contains(target) || message.contains(dir.toString()), "case " + i + ": " + message);
                refused++;
                continue;
            } catch (RuntimeException | Error escaped) {
                throw new AssertionError("case " + i + " (" + target + ") escaped as " + escaped, escaped);
            }
            assertConsistent(trace, "case " + i);
        }
        // A reader refusing everything would pass the loop: some damage (in env strings, field values) is legal.
        String counts = refused + " of " + cases + " refused";
        assertTrue(refused > cases / 2 && refused < cases, counts);
        System.out.println("[fuzz] CTF reader: " + counts + rate(cases, start));
    }

    @Test
    void theInMemoryEntryReadsWhatTheDirectoryEntryReads() throws IOException {
        Map<String, byte[]> valid = validTrace();
        SortedMap<String, byte[]> streams = new TreeMap<>(valid);
        byte[] metadata = streams.remove(CtfLayout.METADATA_FILE);
        CtfTrace fromFiles = CtfReader.read(tmp.resolve("valid"));
        CtfTrace fromBytes = CtfReader.read(tmp.resolve("valid"), metadata, streams);
        assertEquals(fromFiles, fromBytes);
        assertTrue(fromBytes.eventCount() > 0, "the valid trace has events");
    }

    /** What every accepted trace promises: one stream per core, events in time order, each of a declared class. */
    private static void assertConsistent(CtfTrace trace, String label) {
        long previousCore = Long.MIN_VALUE;
        for (CtfStream s : trace.streams()) {
            assertTrue(s.core() > previousCore, label + ": cores in order, once each");
            previousCore = s.core();
            long previous = Long.MIN_VALUE;
            for (CtfEvent e : s.events()) {
                assertTrue(e.timestampNs() >= previous, label + ": events in time order");
                assertTrue(trace.metadata().eventClass(e.typeId()) == e.eventClass(), label + ": declared class");
                previous = e.timestampNs();
            }
        }
    }

    /** The run's figures for the report: cases, seconds, cases per second. */
    private static String rate(int cases, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "; %,d cases in %.1f s (%,.0f cases/s)", cases, seconds,
                cases / Math.max(seconds, 1e-9));
    }
}
