// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/** The engine hands trace events over without ever waiting for the sink's writes. */
class TraceHandoffTest {

    /** Records what reaches the sink; blocks in its first call until released (a write stuck on a slow disk). */
    private static final class StuckSink implements TraceSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<long[]> events = new ArrayList<>();
        final Map<Integer, Long> discarded = new TreeMap<>();

        @Override
        public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
            block();
            events.add(new long[] {core, timestampNs});
        }

        @Override
        public void discarded(int core, long total) {
            block();
            discarded.put(core, total);
        }

        private void block() {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aStuckSinkNeverHoldsTheEngineAndLosesOnlyWhatTheBuffersCannotKeep() throws Exception {
        TraceBuffer[] buffers = {new TraceBuffer(0, 32), new TraceBuffer(1, 32)};
        StuckSink sink = new StuckSink();
        TraceHandoff handoff = new TraceHandoff(sink, () -> false, buffers.length, 8, () -> { });
        long t = 0;
        int drains = 0;
        boolean behind = false;
        while (!behind || drains < 20) {
            for (TraceBuffer b : buffers) {
                for (int i = 0; i < 6; i++) {
                    b.emit(t++, TraceEventType.WINDOW_START, 0, 0, 0);
                }
            }
            long before = System.nanoTime();
            behind |= !handoff.drain(buffers);
            assertTrue(System.nanoTime() - before < TimeUnit.MILLISECONDS.toNanos(200), "a drain waited for the sink");
            drains++;
            if (drains == 1) {
                assertTrue(sink.entered.await(10, TimeUnit.SECONDS), "the writer got the first batch");
            }
        }
        long dropped = buffers[0].discarded() + buffers[1].discarded();
        assertTrue(behind && dropped > 0, "with the sink stuck the batches run out and the buffers overflow");

        sink.release.countDown();
        handoff.finish(buffers);
        assertEquals(0, buffers[0].size() + buffers[1].size());
        assertEquals(t - dropped, sink.events.size(), "everything the buffers kept reached the sink");
        assertEquals(Map.of(0, buffers[0].discarded(), 1, buffers[1].discarded()), sink.discarded,
                "the sink's last counts are the buffers'");
        for (int core = 0; core < 2; core++) {
            int c = core;
            long[] stamps = sink.events.stream().filter(e -> e[0] == c).mapToLong(e -> e[1]).toArray();
            for (int i = 1; i < stamps.length; i++) {
                assertTrue(stamps[i - 1] < stamps[i], "core " + c + "'s events in emission order");
            }
        }
    }

    @Test
    void theStopRequestIsAskedOnTheWritersThreadOnceASliceIsWrittenWhole() throws Exception {
        // The agent's boot child judges a trial's frames when asked to stop: everything drained must be there.
        TraceBuffer[] buffers = {new TraceBuffer(0, 64), new TraceBuffer(1, 64)};
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] written = {0};
        TraceHandoff handoff = new TraceHandoff((core, ts, type, f0, f1, f2) -> written[0]++, () -> {
            threads.add(Thread.currentThread().getName());
            seen.add(written[0]);
            return seen.size() == 3;
        }, buffers.length, 8, () -> { });
        for (int slice = 0; slice < 5; slice++) {
            for (TraceBuffer b : buffers) {
                for (int i = 0; i < 5; i++) { // 10 events a slice: more than one batch of 8
                    b.emit(slice * 100 + i, TraceEventType.WINDOW_START, 0, 0, 0);
                }
            }
            assertTrue(handoff.drain(buffers));
            while (seen.size() <= slice) {
                Thread.sleep(1);
            }
            assertEquals(10L * (slice + 1), seen.get(slice), "asked after the whole slice was written");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (slice >= 2 && !handoff.stopRequested() && System.nanoTime() < deadline) {
                Thread.sleep(1); // set right after the third answer
            }
            assertEquals(slice >= 2, handoff.stopRequested());
        }
        handoff.finish(buffers);
        assertTrue(threads.stream().allMatch("orrery-hosted-trace-writer"::equals), threads.toString());
    }

    @Test
    void aClosedHandoffWritesNothingMoreOnceCloseReturns() throws Exception {
        // A board that failed closes it and then its sink: nothing may reach the sink after that.
        TraceBuffer[] buffers = {new TraceBuffer(0, 16)};
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        TraceHandoff handoff = new TraceHandoff((core, ts, type, f0, f1, f2) -> written.incrementAndGet(), () -> false,
                1, 8, () -> { });
        buffers[0].emit(1, TraceEventType.WINDOW_START, 0, 0, 0);
        handoff.drain(buffers);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (written.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        handoff.close();
        int atClose = written.get();
        buffers[0].emit(2, TraceEventType.WINDOW_START, 0, 0, 0);
        handoff.drain(buffers);
        Thread.sleep(300);
        assertEquals(1, atClose);
        assertEquals(atClose, written.get(), "the writer stopped with close");
    }

    @Test
    void aSinkThatFailsIsReportedAtTheNextDrain() throws Exception {
        TraceBuffer[] buffers = {new TraceBuffer(0, 16)};
        CountDownLatch failed = new CountDownLatch(1);
        TraceHandoff handoff = new TraceHandoff((core, ts, type, f0, f1, f2) -> {
            failed.countDown();
            throw new IllegalStateException("disk full");
        }, () -> false, 1, 8, () -> { });
        buffers[0].emit(1, TraceEventType.WINDOW_START, 0, 0, 0);
        handoff.drain(buffers);
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        buffers[0].emit(2, TraceEventType.WINDOW_START, 0, 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i < 100; i++) { // until the writer has recorded its failure
                handoff.drain(buffers);
                Thread.sleep(10);
            }
        });
        assertEquals("the trace could not be written: disk full", e.getMessage());
    }
}
