// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * Time relations between windows that repeat with their cores' major frames. The DSL's validation and the
 * configuration's validator both ask here, so a system the editor accepts is one the kernel accepts.
 */
public final class WindowTiming {

    private WindowTiming() {
    }

    /**
     * Whether window a (start, duration, repeating every {@code frameA}) and window b are ever open at the same
     * time. The offsets between repetitions of a and b are exactly the multiples of gcd(frameA, frameB), so this
     * is decided without walking the hyperperiod. Frames must be positive.
     */
    public static boolean everOverlap(long startA, long durationA, long frameA, long startB, long durationB,
            long frameB) {
        long g = gcd(frameA, frameB);
        long x = Math.floorMod(startB - startA, g);
        return x < durationA || g - x < durationB;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
