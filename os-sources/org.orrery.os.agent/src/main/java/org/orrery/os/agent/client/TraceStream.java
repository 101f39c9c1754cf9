// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A trace being followed ({@link AgentClient#followTrace}): {@link #stop()} asks the board to end it, after which
 * the last packets and the board's end arrive; {@link #await} waits for that end.
 */
public final class TraceStream {

    /**
     * How a followed trace ended.
     *
     * @param error the stream did not end because the client asked (the board stopped, the connection broke, the
     *        receiver failed)
     * @param events events the board relayed
     * @param discarded events this client did not get (the board's tracer dropped them or the client fell behind)
     */
    public record End(String reason, boolean error, long events, long discarded) {
    }

    private final CountDownLatch done = new CountDownLatch(1);
    private final Runnable stopper;
    private volatile End end;

    TraceStream(Runnable stopper) {
        this.stopper = stopper;
    }

    /** Asks the board to end the stream (idempotent; harmless once it ended). */
    public void stop() {
        if (end == null) {
            stopper.run();
        }
    }

    /** The end, once it came within {@code timeout}, else null. */
    public End await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? end : null;
    }

    /** The end, or null while the stream runs. */
    public End end() {
        return end;
    }

    void ended(End e) {
        if (end == null) {
            end = e;
            done.countDown();
        }
    }
}
