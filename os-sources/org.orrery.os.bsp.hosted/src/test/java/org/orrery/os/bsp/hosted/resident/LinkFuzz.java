// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Inputs for fuzzing the link's reader: valid messages damaged at random (most get past the type byte and into the
 * fields, where the rules are), and noise that starts with a known type byte half the time.
 */
final class LinkFuzz {

    /** Values at the edges of the rules: bounds, off-by-ones, signs. */
    private static final int[] EDGE_INTS = {0, 1, -1, 3, 4, 10, 16, 255, 256, 257, 4095, 4096, 4097,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30};
    private static final int[] EDGE_BYTES = {0, 1, 2, 3, 4, 8, 9, 10, 0x3f, 0x7f, 0x80, 0xbf, 0xc0, 0xed, 0xf0, 0xff};

    private final Random random;
    private final List<byte[]> seeds;
    private final int[] types;

    LinkFuzz(long seed, List<byte[]> seeds) {
        this.random = new Random(seed);
        this.seeds = seeds;
        this.types = seeds.stream().mapToInt(b -> b[0] & 0xff).distinct().toArray();
    }

    byte[] next() {
        return random.nextInt(4) == 0 ? noise() : mutant();
    }

    private byte[] noise() {
        byte[] b = new byte[random.nextInt(48)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
            b[0] = (byte) types[random.nextInt(types.length)];
        }
        return b;
    }

    private byte[] mutant() {
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        if (random.nextInt(4) == 0) { // two messages in a row: damage may shift where the second starts
            byte[] second = seeds.get(random.nextInt(seeds.size()));
            b = Arrays.copyOf(b, b.length + second.length);
            System.arraycopy(second, 0, b, b.length - second.length, second.length);
        } else {
            b = b.clone();
        }
        for (int n = 1 + random.nextInt(3); n > 0 && b.length > 0; n--) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        int at = random.nextInt(b.length);
        switch (random.nextInt(6)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
            case 2 -> {
                if (at + 4 <= b.length) {
                    ByteBuffer.wrap(b).putInt(at, EDGE_INTS[random.nextInt(EDGE_INTS.length)]);
                }
            }
            case 3 -> b = Arrays.copyOf(b, at); // cut short
            case 4 -> { // a slice dropped
                int end = at + random.nextInt(Math.min(8, b.length - at) + 1);
                byte[] shorter = Arrays.copyOf(b, b.length - (end - at));
                System.arraycopy(b, end, shorter, at, b.length - end);
                b = shorter;
            }
            default -> { // a random byte inserted
                byte[] longer = new byte[b.length + 1];
                System.arraycopy(b, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, longer, at + 1, b.length - at);
                b = longer;
            }
        }
        return b;
    }
}
