// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;

/**
 * The partitions of {@link PortBenchmark}: one writes stamped messages, the other polls and measures (sampling), or
 * one sends stamped messages, the other waits for each in a blocking receive and measures (queuing).
 */
public final class PortApps {
    /** Writes per activation, {@link #GAP_NS} apart. */
    static final int BURST = 20;
    static final long GAP_NS = 200_000;
    /** Polling per activation (the period is 10 ms; the rest is left for the kernel call that waits). */
    static final long POLL_NS = 8_000_000;

    private PortApps() {
    }

    /** Each activation: {@link #BURST} messages [number, CLOCK_MONOTONIC at the write], spaced by busy waits. */
    public static final class Writer implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort out = p.createSamplingPort(new SamplingPortRef("out", 0));
            byte[] data = new byte[16];
            ByteBuffer b = ByteBuffer.wrap(data);
            p.createProcess(new ProcessRef("main", 0), () -> {
                long n = 0;
                while (true) {
                    for (int i = 0; i < BURST; i++) {
                        long until = System.nanoTime() + GAP_NS;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        b.putLong(0, ++n).putLong(8, System.nanoTime());
                        out.write(data, 16);
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Polls its port for {@link #POLL_NS} of each activation; for each new message records now − its stamp. Every
     * {@code STEP} samples, up to {@code SAMPLES}, it logs {@code latency p50 A p99 B max C us over N} for all so far
     * (a slow board still reports what it measured).
     */
    public static final class Reader implements PartitionApplication {
        private static final int SAMPLES = 10_000;
        private static final int STEP = 1_000;

        @Override
        public void initialize(Partition p) {
            SamplingPort in = p.createSamplingPort(new SamplingPortRef("in", 0));
            Message m = new Message(16);
            long[] samples = new long[SAMPLES];
            p.createProcess(new ProcessRef("main", 0), () -> {
                int count = 0;
                int reported = 0;
                long last = 0;
                while (true) {
                    long end = System.nanoTime() + POLL_NS;
                    while (count < SAMPLES && System.nanoTime() < end) {
                        if (in.read(m)) {
                            long now = System.nanoTime();
                            ByteBuffer b = ByteBuffer.wrap(m.data());
                            long n = b.getLong(0);
                            if (n != last) {
                                // the first message of a window may have waited for the window: not a hand-off
                                if (last != 0 && n == last + 1) {
                                    samples[count++] = now - b.getLong(8);
                                }
                                last = n;
                            }
                        }
                    }
                    if (count >= reported + STEP) {
                        reported = count;
                        long[] sorted = Arrays.copyOf(samples, count);
                        Arrays.sort(sorted);
                        p.log(String.format("latency p50 %.2f p99 %.2f max %.2f us over %d", sorted[count / 2] / 1e3,
                                sorted[count * 99 / 100] / 1e3, sorted[count - 1] / 1e3, count));
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /** Queuing: messages per activation, {@link #SEND_GAP_NS} apart so that the receiver is blocked again for each. */
    static final int SENDS = 4;
    static final long SEND_GAP_NS = 1_000_000;

    /** Each activation: {@link #SENDS} messages [number, CLOCK_MONOTONIC at the send] on "qout", spaced by busy waits. */
    public static final class QueueWriter implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort out = p.createQueuingPort(new QueuingPortRef("qout", 0));
            byte[] data = new byte[16];
            ByteBuffer b = ByteBuffer.wrap(data);
            p.createProcess(new ProcessRef("main", 0), () -> {
                long n = 0;
                while (true) {
                    for (int i = 0; i < SENDS; i++) {
                        long until = System.nanoTime() + SEND_GAP_NS;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        b.putLong(0, ++n).putLong(8, System.nanoTime());
                        out.send(data, 16, 0);
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Waits for each message on "qin" in a receive without a timeout and records now − its stamp: the wake-up of a
     * blocked receiver. Logs {@code latency p50 A p99 B max C us over N} every 1,000 samples, up to 10,000.
     */
    public static final class QueueReader implements PartitionApplication {
        private static final int SAMPLES = 10_000;
        private static final int STEP = 1_000;

        @Override
        public void initialize(Partition p) {
            QueuingPort in = p.createQueuingPort(new QueuingPortRef("qin", 0));
            Message m = new Message(16);
            long[] samples = new long[SAMPLES];
            p.createProcess(new ProcessRef("main", 0), () -> {
                int count = 0;
                int reported = 0;
                long last = 0;
                while (true) {
                    in.receive(m, Partition.INFINITE);
                    long now = System.nanoTime();
                    ByteBuffer b = ByteBuffer.wrap(m.data());
                    long n = b.getLong(0);
                    // the first message may have been sent before this process first waited: not a wake-up
                    if (last != 0 && n == last + 1 && count < SAMPLES) {
                        samples[count++] = now - b.getLong(8);
                    }
                    last = n;
                    if (count >= reported + STEP) {
                        reported = count;
                        long[] sorted = Arrays.copyOf(samples, count);
                        Arrays.sort(sorted);
                        p.log(String.format("latency p50 %.2f p99 %.2f max %.2f us over %d", sorted[count / 2] / 1e3,
                                sorted[count * 99 / 100] / 1e3, sorted[count - 1] / 1e3, count));
                    }
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
}
