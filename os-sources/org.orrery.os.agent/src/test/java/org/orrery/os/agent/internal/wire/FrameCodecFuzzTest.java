// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Damaged frames: each case damages a valid frame of a random type (bytes overwritten, inserted, removed, length
 * field rewritten to agree with the damage or not) and hands it to {@link FrameOracle}, the judge it shares with
 * the coverage-guided {@link FrameCodecJazzerTest}. Cases: {@code orrery.fuzz.agent.cases}, else
 * {@code orrery.fuzz.cases} x 2 (20,000 by default, 10^6 with {@code -P slow-tests}, see this module's pom).
 */
class FrameCodecFuzzTest {

    private static final List<byte[]> VALID = Samples.all().stream().map(FrameCodec::encode).toList();

    private static byte[] damage(SplittableRandom r) {
        byte[] d = VALID.get(r.nextInt(VALID.size())).clone();
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
                case 2 -> { // insert random bytes
                    byte[] p = new byte[1 + r.nextInt(6)];
                    r.nextBytes(p);
                    byte[] c = new byte[d.length + p.length];
                    System.arraycopy(d, 0, c, 0, at);
                    System.arraycopy(p, 0, c, at, p.length);
                    System.arraycopy(d, at, c, at + p.length, d.length - at);
                    d = c;
                }
                default -> { // a small integer field somewhere (counts, lengths, enums)
                    if (at + 1 < d.length) {
                        d[at] = 0;
                        d[at + 1] = (byte) r.nextInt(4);
                    }
                }
            }
        }
        if (d.length >= 4 && r.nextInt(4) != 0) {
            // Most damage keeps the frame length consistent so the payload decoder itself is exercised.
            ByteBuffer.wrap(d).putInt(0, d.length - 4);
        }
        return d;
    }

    @Test
    void damagedFramesAreRefusedOrAcceptedOnlyInCanonicalForm() {
        SplittableRandom random = new SplittableRandom(13);
        int cases = Integer.getInteger("orrery.fuzz.agent.cases", Integer.getInteger("orrery.fuzz.cases", 10_000) * 2);
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            if (FrameOracle.refuses(damage(random), "case " + i)) {
                refused++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String counts = refused + " of " + cases + " refused";
        // Some damage is legal (a changed hash byte, a letter of a name): a decoder refusing all would fail here.
        assertTrue(refused > cases / 2 && refused < cases, counts);
        System.out.printf("[fuzz] agent frames: %s, %,.0f executions/s%n", counts, cases / seconds);
    }
}
