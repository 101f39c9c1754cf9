// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

/** Latencies in whole microseconds (the unit cyclictest reports), with percentiles and the exact maximum. */
final class Histogram {
    private final long[] bins;
    private long count;
    private long overflows;
    private long maxNs;

    Histogram(int maxMicros) {
        bins = new long[maxMicros + 1];
    }

    /** Records a latency; the same truncation to microseconds as cyclictest. */
    void record(long ns) {
        long us = Math.max(0, ns / 1000);
        if (us < bins.length) {
            bins[(int) us]++;
        } else {
            overflows++;
        }
        count++;
        maxNs = Math.max(maxNs, ns);
    }

    /** Adds {@code n} samples of {@code us} microseconds (a line of a cyclictest histogram). */
    void add(int us, long n) {
        if (us < bins.length) {
            bins[us] += n;
        } else {
            overflows += n;
        }
        count += n;
        if (n > 0) {
            maxNs = Math.max(maxNs, us * 1000L);
        }
    }

    void overflowsWithMax(long n, long maxUs) {
        overflows += n;
        count += n;
        maxNs = Math.max(maxNs, maxUs * 1000L);
    }

    long count() {
        return count;
    }

    /** The smallest latency (µs) at or below which {@code p} of the samples lie; overflows count as above all bins. */
    double percentileMicros(double p) {
        long rank = (long) Math.ceil(p * count);
        long seen = 0;
        for (int us = 0; us < bins.length; us++) {
            seen += bins[us];
            if (seen >= rank && rank > 0) {
                return us;
            }
        }
        return maxNs / 1000.0;
    }

    /** The share of the samples at or above {@code us} microseconds (overflows included). */
    double shareAtLeast(int us) {
        long above = overflows;
        for (int i = Math.min(us, bins.length); i < bins.length; i++) {
            above += bins[i];
        }
        return count == 0 ? 0 : (double) above / count;
    }

    double maxMicros() {
        return maxNs / 1000.0;
    }

    String summary() {
        return String.format("p50 %6.0f us  p99 %6.0f us  max %7.1f us  (%d samples)", percentileMicros(0.50),
                percentileMicros(0.99), maxMicros(), count);
    }
}
