// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.orrery.os.bsp.hosted.shm.QueueRing;

/**
 * One futex watcher of the kernel process: while processes wait in the kernel on a queuing port served from shared
 * memory, it sleeps on the ring's tail word (a destination's receivers) or head word (a source's senders, one watcher
 * per destination ring) and tells the kernel when a message or room appears, so the kernel wakes its waiters in its own
 * order, through its own scheduler ({@link Ready}). Armed by the kernel when a process starts to wait; it disarms
 * itself when the kernel says nobody waits any more. Its thread sleeps (parked or on the futex) whenever there is
 * nothing to look at.
 */
final class PortWatch implements Runnable {
    /**
     * Bounds each futex sleep: closing the board is seen, and so is a message whose sender was frozen at a window edge
     * between publishing it and waking this watcher.
     */
    private static final long SLICE_NANOS = 10_000_000L;

    /** The kernel's side: wake waiters of a port; returns whether processes still wait on it. */
    interface Ready {
        boolean ready(int partition, int port, int count);
    }

    private final QueueRing ring;
    private final boolean arrivals;
    private final int partition;
    private final int port;
    private final AtomicLong arms = new AtomicLong();
    private volatile Ready kernel;
    private volatile boolean closed;
    private volatile Thread thread;

    /**
     * @param arrivals true: watch for messages for {@code partition}'s destination {@code port}; false: watch for room
     *        for {@code partition}'s source {@code port}
     */
    PortWatch(QueueRing ring, boolean arrivals, int partition, int port) {
        this.ring = ring;
        this.arrivals = arrivals;
        this.partition = partition;
        this.port = port;
    }

    int partition() {
        return partition;
    }

    int port() {
        return port;
    }

    boolean arrivals() {
        return arrivals;
    }

    /** Starts the watcher's thread, which calls {@code kernel} under the kernel's lock. */
    void start(Ready kernel, Runnable threadSetup) {
        this.kernel = kernel;
        thread = Thread.ofPlatform().daemon().name("orrery-port-watch-p" + partition + "-" + port
                + (arrivals ? "-in" : "-out")).start(() -> {
                    threadSetup.run();
                    run();
                });
    }

    /** A process is about to wait (kernel lock held): look at the ring from now on. */
    void arm() {
        arms.incrementAndGet();
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
        ring.nudge();
    }

    /** Whether a waiter would go on now. */
    boolean ready() {
        return arrivals ? !ring.empty() : !ring.full();
    }

    @Override
    public void run() {
        long served = 0;
        while (!closed) {
            long armed = arms.get();
            if (armed == served) {
                flag(false);
                if (arms.get() == served) {
                    LockSupport.park(this);
                }
                continue;
            }
            flag(true);
            int word = arrivals ? ring.tailWord() : ring.headWord();
            if (ready()) {
                // one receiver per message waiting, as the kernel wakes one per message it queues; senders all
                boolean left = kernel.ready(partition, port, arrivals ? Math.max(1, ring.pending()) : 1);
                if (!left) {
                    served = armed;
                    continue;
                }
            }
            if (arrivals) {
                ring.awaitArrival(word, SLICE_NANOS);
            } else {
                ring.awaitRoom(word, SLICE_NANOS);
            }
        }
        flag(false);
    }

    private void flag(boolean on) {
        if (arrivals) {
            ring.watchArrivals(on);
        } else {
            ring.watchRoom(on);
        }
    }

    /** Stops the watcher; true once its thread has ended (the ring's region may then be unmapped). */
    boolean close() {
        closed = true;
        Thread t = thread;
        if (t == null) {
            return true;
        }
        LockSupport.unpark(t);
        ring.nudge();
        try {
            t.join(SLICE_NANOS / 1_000_000 * 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
