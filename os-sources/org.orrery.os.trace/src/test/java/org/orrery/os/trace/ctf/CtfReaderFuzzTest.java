// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.trace.TraceBuffer;

/**
 * Damaged traces: each case takes a valid two-core trace, damages its metadata text or one stream file (bytes
 * overwritten, inserted or removed, a number grown past its type, the file cut short) and reads it. The reader
 * must refuse with a {@link CtfFormatException} naming the file, or return a trace that keeps the promises a
 * reader of its events relies on; any other exception is a bug. Case count: {@code orrery.fuzz.cases} / 20
 * (500 by default, 10,000 with {@code -P slow-tests}; a case writes and reads files).
 */
class CtfReaderFuzzTest {

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
        Path dir = tmp.resolve("case");
        Files.createDirectories(dir);
        for (String name : names) {
            Files.write(dir.resolve(name), valid.get(name));
        }
        SplittableRandom random = new SplittableRandom(42);
        int cases = Integer.getInteger("orrery.fuzz.cases", 10_000) / 20;
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            String target = names.get(random.nextInt(names.size()));
            Files.write(dir.resolve(target), damage(valid.get(target).clone(), target.equals(CtfLayout.METADATA_FILE),
                    random));
            CtfTrace trace;
            try {
                trace = CtfReader.read(dir);
            } catch (CtfFormatException expected) {
                String message = expected.getMessage();
                assertTrue(message.contains(target) || message.contains(dir.toString()), "case " + i + ": " + message);
                refused++;
                continue;
            } catch (RuntimeException | Error | IOException escaped) {
                throw new AssertionError("case " + i + " (" + target + ") escaped as " + escaped, escaped);
            } finally {
                Files.write(dir.resolve(target), valid.get(target));
            }
            assertConsistent(trace, "case " + i);
        }
        // A reader refusing everything would pass the loop: some damage (in env strings, field values) is legal.
        String counts = refused + " of " + cases + " refused";
        assertTrue(refused > cases / 2 && refused < cases, counts);
        System.out.println("[fuzz] CTF reader: " + counts);
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
}
