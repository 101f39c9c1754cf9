// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Damaged manifests: each case damages a valid manifest (bytes overwritten, inserted, removed or swapped with
 * manifest-like text) and parses it. The parser must refuse with an {@link IllegalArgumentException}, or accept
 * exactly the canonical bytes of what it returns (the image's hashes are checked against the entries it
 * accepts, so no two byte strings may mean one manifest). Case count: {@code orrery.fuzz.cases} / 10 (1,000 by
 * default, 20,000 with {@code -P slow-tests}, 2,000,000 with {@code -P long-fuzz}).
 */
class ImageManifestFuzzTest {

    /** A long run says how far it got (a million cases take minutes to hours on a shared machine). */
    private static final int PROGRESS_EVERY = 100_000;

    private static final byte[] VALID = new ImageManifest("0.1.0", "flight-control", 3, List.of(
            new ImageEntry("apps/nav.jar", 1234, "0123456789abcdef".repeat(4)),
            new ImageEntry("config.orcf", 99, "fedcba9876543210".repeat(4)),
            new ImageEntry("os/org.orrery.os.api.jar", 40_000, "a".repeat(64)))).toBytes();

    /** Pieces a damaged manifest could plausibly contain. */
    private static final String[] PIECES = {" ", "\n", "entry ", "-", "0", "9223372036854775808", "..", "/", "A",
        "security-counter ", "é", "\r", "\u0000"};

    private static byte[] damage(SplittableRandom r) {
        byte[] d = VALID.clone();
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(d.length + 1);
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (at < d.length) {
                        d[at] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> { // remove a run
                    int n = Math.min(d.length - at, 1 + r.nextInt(8));
                    byte[] c = new byte[d.length - n];
                    System.arraycopy(d, 0, c, 0, at);
                    System.arraycopy(d, at + n, c, at, d.length - at - n);
                    d = c;
                }
                case 2 -> { // insert a piece
                    byte[] p = PIECES[r.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] c = new byte[d.length + p.length];
                    System.arraycopy(d, 0, c, 0, at);
                    System.arraycopy(p, 0, c, at, p.length);
                    System.arraycopy(d, at, c, at + p.length, d.length - at);
                    d = c;
                }
                default -> { // swap two lines
                    String[] lines = new String(d, StandardCharsets.UTF_8).split("\n", -1);
                    if (lines.length > 2) {
                        int a = r.nextInt(lines.length - 1);
                        int b = r.nextInt(lines.length - 1);
                        String t = lines[a];
                        lines[a] = lines[b];
                        lines[b] = t;
                        d = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return d;
    }

    @Test
    void damagedManifestsAreRefusedOrAcceptedOnlyInCanonicalForm() {
        assertEquals(3, ImageManifest.parse(VALID).entries().size());
        SplittableRandom random = new SplittableRandom(Long.getLong("orrery.fuzz.seed", 42));
        int cases = Integer.getInteger("orrery.fuzz.cases", 10_000) / 10;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            if (i > 0 && i % PROGRESS_EVERY == 0) {
                System.out.println("[fuzz] image manifest: " + refused + " of " + i + " refused so far" + rate(i, start));
            }
            byte[] bytes = damage(random);
            ImageManifest m;
            try {
                m = ImageManifest.parse(bytes);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), "case " + i);
                refused++;
                continue;
            } catch (RuntimeException | Error escaped) {
                throw new AssertionError("case " + i + " escaped as " + escaped + " on "
                        + Arrays.toString(bytes), escaped);
            }
            assertArrayEquals(m.toBytes(), bytes, "case " + i + ": accepted a non-canonical manifest");
            assertEquals(m, ImageManifest.parse(m.toBytes()), "case " + i);
        }
        // Some damage is legal (a changed hex digit, name letter or count): a parser refusing all would fail here.
        String counts = refused + " of " + cases + " refused";
        assertTrue(refused > cases / 2 && refused < cases, counts);
        System.out.println("[fuzz] image manifest: " + counts + rate(cases, start));
    }

    /** The run's figures for the report: cases, seconds, cases per second. */
    private static String rate(int cases, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "; %,d cases in %.1f s (%,.0f cases/s)", cases, seconds,
                cases / Math.max(seconds, 1e-9));
    }
}
