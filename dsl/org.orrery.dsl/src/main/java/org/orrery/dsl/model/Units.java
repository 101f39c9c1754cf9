// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.model;

import org.orrery.dsl.orrery.Size;
import org.orrery.dsl.orrery.Time;

/** Converts the language's unit-carrying values to the canonical units: nanoseconds and bytes. */
public final class Units {

    private Units() {
    }

    /** Nanoseconds of {@code time}, 0 when absent (a value too large for a long saturates). */
    public static long nanos(Time time) {
        if (time == null || time.getUnit() == null) {
            return 0;
        }
        long factor = switch (time.getUnit()) {
            case NS -> 1L;
            case US -> 1_000L;
            case MS -> 1_000_000L;
            case S -> 1_000_000_000L;
        };
        return multiply(time.getValue(), factor);
    }

    /** Bytes of {@code size}, 0 when absent. */
    public static long bytes(Size size) {
        if (size == null || size.getUnit() == null) {
            return 0;
        }
        long factor = switch (size.getUnit()) {
            case B -> 1L;
            case KIB -> 1L << 10;
            case MIB -> 1L << 20;
            case GIB -> 1L << 30;
        };
        return multiply(size.getValue(), factor);
    }

    private static long multiply(long value, long factor) {
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Human-readable time for messages, in the largest unit that divides it exactly. */
    public static String formatNanos(long ns) {
        if (ns == 0) {
            return "0";
        }
        if (ns != 0 && ns % 1_000_000_000L == 0) {
            return ns / 1_000_000_000L + " s";
        }
        if (ns != 0 && ns % 1_000_000L == 0) {
            return ns / 1_000_000L + " ms";
        }
        if (ns != 0 && ns % 1_000L == 0) {
            return ns / 1_000L + " us";
        }
        return ns + " ns";
    }

    /** Human-readable size for messages, in the largest binary unit that divides it exactly. */
    public static String formatBytes(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
