// SPDX-License-Identifier: EPL-2.0

import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * Trace cost per event against {@code System.nanoTime()} alone. Not part of the test run; from the module
 * directory, after building it:
 *
 * <pre>
 * java -cp target/classes benchmarks/TraceCostBenchmark.java
 * </pre>
 *
 * Three loops of the same length: nanoTime only; nanoTime + emit (what a real-time board pays per trace
 * point); emit with a precomputed timestamp (what the sim board pays, its clock is a field). The buffer is
 * drained every 4096 events into a sink that only sums, as the kernel would at a frame boundary.
 */
public final class TraceCostBenchmark {

    private static final int EVENTS = 20_000_000;
    private static final int DRAIN_EVERY = 4096;
    private static long sink;

    public static void main(String[] args) {
        TraceBuffer buffer = new TraceBuffer(0, DRAIN_EVERY);
        TraceSink consume = (c, ts, t, f0, f1, f2) -> sink += ts ^ f0;
        for (int round = 0; round < 5; round++) {
            long clock = nanoTimeOnly();
            long traced = nanoTimeAndEmit(buffer, consume);
            long emitOnly = emitOnly(buffer, consume);
            System.out.printf("round %d: nanoTime %.2f ns/call, nanoTime+emit %.2f ns/event, emit alone %.2f ns/event"
                    + " (trace adds %.2f ns, %.2fx the clock read)%n", round, per(clock), per(traced), per(emitOnly),
                    per(traced - clock), (double) (traced - clock) / clock);
        }
        System.out.println("(checksum " + sink + ", discarded " + buffer.discarded() + ")");
    }

    private static double per(long totalNs) {
        return (double) totalNs / EVENTS;
    }

    private static long nanoTimeOnly() {
        long start = System.nanoTime();
        long acc = 0;
        for (int i = 0; i < EVENTS; i++) {
            acc += System.nanoTime();
        }
        sink += acc;
        return System.nanoTime() - start;
    }

    private static long nanoTimeAndEmit(TraceBuffer b, TraceSink s) {
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            b.emit(System.nanoTime(), TraceEventType.PORT_SEND, i, 2, 64);
            if ((i & (DRAIN_EVERY - 1)) == DRAIN_EVERY - 1) {
                b.drainTo(s);
            }
        }
        b.drainTo(s);
        return System.nanoTime() - start;
    }

    private static long emitOnly(TraceBuffer b, TraceSink s) {
        long start = System.nanoTime();
        long ts = 0;
        for (int i = 0; i < EVENTS; i++) {
            b.emit(ts += 1000, TraceEventType.PORT_SEND, i, 2, 64);
            if ((i & (DRAIN_EVERY - 1)) == DRAIN_EVERY - 1) {
                b.drainTo(s);
            }
        }
        b.drainTo(s);
        return System.nanoTime() - start;
    }
}
