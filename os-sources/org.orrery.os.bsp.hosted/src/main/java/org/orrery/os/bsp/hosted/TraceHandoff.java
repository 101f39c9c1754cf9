// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceSink;

/**
 * Carries drained trace events from the engine's real-time thread to the trace sink on a thread of ordinary priority.
 * The sink writes files ({@code orrery run --trace}) or the agent's trace ring, and a write can block (dirty pages
 * throttled, a slow disk); on the engine's thread that would hold the next window edge. The engine copies a slice's
 * events into a free batch, preallocated, and goes on; the writer replays batches into the sink in order. When no batch
 * is free (the sink is {@link #BATCHES} batches behind), {@link #drain} leaves the events in the cores' buffers, which
 * keep what fits and count the rest as discarded, as the trace then reports: the schedule keeps its edges either way.
 * <p>
 * The run's stop request is asked on the writer's thread too, after each slice whose events have all reached the
 * sink: whoever answers it (the agent's boot child judges the trial's frames there, and writes its live trace) sees
 * the trace complete up to then, and does its work off the engine's thread as well.
 */
final class TraceHandoff implements AutoCloseable {

    static final int BATCHES = 4;
    /** Events per batch: several slices' worth for the examples; a larger backlog takes several batches. */
    static final int BATCH_EVENTS = 16_384;
    private static final long CLOSE_WAIT_MS = 2_000;

    private final TraceSink sink;
    private final BooleanSupplier stop;
    private volatile boolean stopRequested;
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final Thread writer;
    private volatile Throwable failure;
    private volatile boolean abandoned;

    /**
     * @param writerStart run first on the writer's thread: the board makes it SCHED_OTHER there, as a thread the
     *        real-time engine starts inherits the engine's policy and priority
     */
    TraceHandoff(TraceSink sink, BooleanSupplier stop, int cores, Runnable writerStart) {
        this(sink, stop, cores, BATCH_EVENTS, writerStart);
    }

    TraceHandoff(TraceSink sink, BooleanSupplier stop, int cores, int batchEvents, Runnable writerStart) {
        this.sink = sink;
        this.stop = stop;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(batchEvents + cores));
        }
        writer = Thread.ofPlatform().daemon().name("orrery-hosted-trace-writer").start(() -> {
            try {
                writerStart.run();
            } catch (RuntimeException e) {
                failure = e;
                return;
            }
            write();
        });
    }

    /**
     * On the engine's thread, at the end of a slice: moves what the buffers hold (each core's discarded count first,
     * as the sink expects before a core's events) into free batches, without waiting for the writer.
     *
     * @return whether every buffer was emptied (false: the writer is behind and events wait in the buffers)
     */
    boolean drain(TraceBuffer[] buffers) throws InterruptedException {
        return drain(buffers, false);
    }

    /** Whether the stop request, asked on the writer's thread after a complete slice, said to stop. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Ends the trace: drains the buffers completely, waiting for the writer as needed, and lets the writer finish. */
    void finish(TraceBuffer[] buffers) throws InterruptedException {
        drain(buffers, true);
        Batch end = takeFree();
        end.last = true;
        full.add(end);
        writer.join();
        rethrow();
    }

    private boolean drain(TraceBuffer[] buffers, boolean wait) throws InterruptedException {
        rethrow();
        Batch batch = null;
        boolean complete = false;
        try {
            for (TraceBuffer b : buffers) {
                boolean counted = false;
                while (!counted || b.size() > 0) {
                    if (batch == null || batch.room() == 0) {
                        if (batch != null) {
                            full.add(batch);
                        }
                        batch = wait ? takeFree() : free.poll();
                        if (batch == null) {
                            return false;
                        }
                    }
                    if (!counted) {
                        batch.discarded(b.core(), b.discarded());
                        counted = true;
                    }
                    b.drainTo(batch, batch.room());
                }
            }
            complete = true;
            return true;
        } finally {
            if (batch != null) {
                batch.sliceEnd = complete; // a slice the writer has in full once it has this batch
                full.add(batch);
            }
        }
    }

    /** A free batch, waiting for the writer to give one back; fails if the writer has failed. */
    private Batch takeFree() throws InterruptedException {
        Batch b;
        while ((b = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
            rethrow();
            if (!writer.isAlive()) {
                throw new IllegalStateException("the trace writer stopped");
            }
        }
        return b;
    }

    private void write() {
        try {
            while (!abandoned) {
                Batch b = full.poll(100, TimeUnit.MILLISECONDS);
                if (b == null) {
                    continue;
                }
                if (b.last) {
                    return;
                }
                b.replayTo(sink);
                boolean askStop = b.sliceEnd;
                free.add(b);
                if (askStop && stop.getAsBoolean()) {
                    stopRequested = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e; // the engine reports it at its next drain; the writer stops taking batches
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw new IllegalStateException("the trace could not be written: " + e.getMessage(), e);
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /**
     * Stops the writer after the batch it is writing, without what it has not written (the board failed; the trace
     * ends here), and waits a little for it, so the caller can close the sink after it. Not by interrupting it: an
     * interrupt would close the file channel it may be writing.
     */
    @Override
    public void close() {
        abandoned = true;
        try {
            writer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events in the order the sink is to get them; a discarded count is a record of its own. */
    private static final class Batch implements TraceSink {
        private static final int FIELDS = 6;
        private static final int DISCARDED = -1;
        private final long[] records;
        private final int capacity;
        private int count;
        private boolean sliceEnd;
        private boolean last;

        Batch(int capacity) {
            this.capacity = capacity;
            this.records = new long[capacity * FIELDS];
        }

        int room() {
            return capacity - count;
        }

        @Override
        public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
            put(core, timestampNs, typeId, f0, f1, f2);
        }

        @Override
        public void discarded(int core, long total) {
            put(core, 0, DISCARDED, total, 0, 0);
        }

        private void put(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
            int i = count++ * FIELDS;
            records[i] = core;
            records[i + 1] = timestampNs;
            records[i + 2] = typeId;
            records[i + 3] = f0;
            records[i + 4] = f1;
            records[i + 5] = f2;
        }

        void replayTo(TraceSink sink) {
            for (int r = 0; r < count; r++) {
                int i = r * FIELDS;
                int core = (int) records[i];
                if (records[i + 2] == DISCARDED) {
                    sink.discarded(core, records[i + 3]);
                } else {
                    sink.event(core, records[i + 1], (int) records[i + 2], records[i + 3], records[i + 4], records[i + 5]);
                }
            }
            count = 0;
        }
    }
}
