// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.util.Arrays;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** The partition of {@link CallBenchmark}: times kernel calls from its process thread. */
public final class CallApps {
    /** Calls per activation (period 10 ms); the first of each activation is counted apart (it follows a wake-up). */
    static final int CALLS = 20;

    private CallApps() {
    }

    /** A neighbour that computes {@code 8 ms} of each 10 ms period (its window's processor busy, as a partition's). */
    public static final class Busy implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                while (true) {
                    long until = System.nanoTime() + 8_000_000L;
                    long x = 0;
                    while (System.nanoTime() < until) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                    }
                    if (x == 42) {
                        p.log("never");
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Each activation: {@link #CALLS} calls of {@link Partition#now()} back to back, each timed with CLOCK_MONOTONIC
     * around it. Every {@code STEP} samples, up to {@code SAMPLES}, logs {@code calls p50 A p99 B max C us over N}.
     */
    public static final class Caller implements PartitionApplication {
        private static final int SAMPLES = 20_000;
        private static final int STEP = 2_000;

        @Override
        public void initialize(Partition p) {
            long[] samples = new long[SAMPLES];
            p.createProcess(new ProcessRef("main", 0), () -> {
                int count = 0;
                int reported = 0;
                while (true) {
                    p.now(); // the first call of an activation
                    for (int i = 1; i < CALLS && count < SAMPLES; i++) {
                        long t = System.nanoTime();
                        p.now();
                        samples[count++] = System.nanoTime() - t;
                    }
                    if (count >= reported + STEP) {
                        reported = count;
                        long[] sorted = Arrays.copyOf(samples, count);
                        Arrays.sort(sorted);
                        p.log(String.format("calls p50 %.2f p99 %.2f max %.2f us over %d", sorted[count / 2] / 1e3,
                                sorted[count * 99 / 100] / 1e3, sorted[count - 1] / 1e3, count));
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
}
