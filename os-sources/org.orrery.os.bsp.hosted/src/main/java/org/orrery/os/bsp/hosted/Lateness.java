// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.Arrays;

/**
 * Window-start lateness per core (measured start minus planned start), recorded at the edge into preallocated
 * tables; percentiles are computed after the run.
 */
final class Lateness {
    private static final int CAPACITY = 1 << 20;

    private final long[][] samples;
    private final int[] count;
    private final long[] max;
    private final long[] total;
    private final long[] maxAt;

    Lateness(int cores) {
        samples = new long[cores][];
        count = new int[cores];
        max = new long[cores];
        total = new long[cores];
        maxAt = new long[cores];
        for (int c = 0; c < cores; c++) {
            samples[c] = new long[CAPACITY];
        }
    }

    void record(int core, long latenessNs) {
        long l = Math.max(0, latenessNs);
        total[core]++;
        if (l > max[core]) {
            max[core] = l;
            maxAt[core] = total[core];
        }
        if (count[core] < CAPACITY) {
            samples[core][count[core]++] = l;
        }
    }

    long windows(int core) {
        return total[core];
    }

    long max(int core) {
        return max[core];
    }

    /** The {@code q}-quantile (0..1) of the recorded samples of {@code core}, or -1 with none. */
    long quantile(int core, double q) {
        int n = count[core];
        if (n == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples[core], n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.ceil(q * n) - 1 < 0 ? 0 : Math.ceil(q * n) - 1)];
    }

    /** One line per core: "lateness core 0: p50 12 us, p99 48 us, max 210 us over 10000 windows". */
    String[] report() {
        String[] lines = new String[samples.length];
        for (int c = 0; c < samples.length; c++) {
            lines[c] = total[c] == 0 ? "window-start lateness core " + c + ": no windows"
                    : String.format("window-start lateness core %d: p50 %s, p99 %s, max %s over %d windows (max at "
                            + "window %d)", c, micros(quantile(c, 0.50)), micros(quantile(c, 0.99)), micros(max[c]),
                            total[c], maxAt[c]);
        }
        return lines;
    }

    static String micros(long ns) {
        return ns < 10_000 ? String.format("%.1f us", ns / 1000.0) : (ns / 1000) + " us";
    }
}
