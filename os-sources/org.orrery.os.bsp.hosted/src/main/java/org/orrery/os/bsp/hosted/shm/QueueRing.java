// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.orrery.os.bsp.hosted.linux.Futex;
import org.orrery.os.config.OverflowPolicy;

/**
 * One destination of a queuing channel in shared memory: a bounded FIFO of the configured depth and maximum
 * message size between one source process and one destination process. (A queuing channel with several
 * destinations has one ring per destination and the source sends into each, like the kernel's per-destination
 * FIFOs.)
 *
 * <p>Two regions, each written by one process only:
 * <ul>
 * <li>the <b>ring</b> ({@link RegionKind#QUEUE}), written by the source, mapped read-only by the destination:
 * the tail (messages ever sent), the count of DROP_NEWEST drops, and {@code depth} slots, each with a sequence
 * word, a length and the bytes. Message {@code n} (0-based) lives in slot {@code n % depth}; its sequence word
 * is {@code 2n+1} while it is written and {@code 2n+2} once complete;</li>
 * <li>the <b>consumer</b> region ({@link RegionKind#QUEUE_CONSUMER}), written by the destination, mapped
 * read-only by the source: the head (messages consumed or skipped), the messages lost so far, how many of
 * them were already reported, and how many of the source's drop count were seen.</li>
 * </ul>
 * The source computes fullness as {@code tail - head >= depth} from a possibly stale head, which only ever
 * makes it more cautious. The kernel process, which owns every region, writes two more words (the flags of its futex
 * watchers, one in each region, which neither partition writes) and, when the destination's partition restarts,
 * clears the consumer region ({@link #clear()}).
 *
 * <p><b>Overflow.</b> BLOCK and DROP_NEWEST leave a full ring alone and return {@link SendOutcome#FULL};
 * DROP_NEWEST also counts the drop in the ring, and the destination adds it to its losses. DROP_OLDEST never
 * touches the destination's head: the source writes the new message over slot {@code tail % depth} even when
 * that slot still holds the oldest unread message. The destination detects this itself: a slot whose sequence
 * word belongs to a later message {@code m} means every message up to {@code m - depth} is gone, so it moves its
 * head to {@code m - depth + 1} and counts the skipped messages as lost; a slot overwritten while it was being
 * copied shows a changed sequence after the copy and is read again the same way. So a destination never
 * returns a torn or reordered message, and received + lost = sent.
 *
 * <p><b>Overflow indication.</b> ARINC 653 tells a receiver that messages were lost; {@link #overflowed()} is
 * true after a successful receive when messages were lost since the previous successful receive, and
 * {@link #lost()} counts them all. Both live in the consumer region, so they survive a destination restart.
 *
 * <p><b>Blocking</b> is the kernel's job: {@link #full()} and {@link #empty()} tell it when to wait; the ring never
 * waits. While processes wait in the kernel for a message or for room, the kernel process raises a flag in the region
 * the other side reads ({@link #watchArrivals}, {@link #watchRoom}) and sleeps on a futex on the tail or head word; the
 * source after a send ({@link #wakeReceivers()}) and the destination after a receive ({@link #wakeSenders()}) wake it
 * when the flag is up: a Dekker handshake (flag, full fence, word on one side; word, full fence, flag on the other) so
 * a wake-up is never lost, and no system call while nobody waits. Calls allocate nothing. Each side is used by one
 * thread at a time.
 */
public final class QueueRing {
    /** {@link #receive} result: no message. */
    public static final int EMPTY = -1;
    /** {@link #receive} result: the source overwrote the slot being read during every attempt (DROP_OLDEST). */
    public static final int BUSY = -2;
    public static final int MAX_ATTEMPTS = 64;

    private static final VarHandle LONG = Layout.LONG;
    private static final VarHandle INT = Layout.INT;

    private final PortRegion ringRegion;
    private final MemorySegment ring;
    private final MemorySegment consumer;
    private final OverflowPolicy policy;
    private final int max;
    private final int depth;
    private final long stride;
    private boolean overflowed;
    private long lastTime;

    private QueueRing(PortRegion ring, PortRegion consumer, OverflowPolicy policy, boolean source) {
        if (ring.spec().kind() != RegionKind.QUEUE) {
            throw new IllegalArgumentException(ring.file() + ": a " + ring.spec().kind() + " region is not a queue ring");
        }
        if (consumer.spec().kind() != RegionKind.QUEUE_CONSUMER) {
            throw new IllegalArgumentException(consumer.file() + ": a " + consumer.spec().kind()
                    + " region is not a queue consumer region");
        }
        if (consumer.spec().depth() != ring.spec().depth()
                || consumer.spec().maxMessageSize() != ring.spec().maxMessageSize()) {
            throw new IllegalArgumentException(consumer.file() + ": sized for another ring than " + ring.file());
        }
        PortRegion own = source ? ring : consumer;
        if (!own.writable()) {
            throw new IllegalArgumentException(own.file() + ": mapped read-only, but the "
                    + (source ? "source" : "destination") + " writes it");
        }
        this.ringRegion = ring;
        this.ring = ring.segment();
        this.consumer = consumer.segment();
        this.policy = policy;
        this.max = ring.spec().maxMessageSize();
        this.depth = ring.spec().depth();
        this.stride = ring.spec().stride();
    }

    /** The source's side: the ring read-write, the consumer region (any mapping; sources map it read-only). */
    public static QueueRing source(PortRegion ring, PortRegion consumer, OverflowPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException(ring.file() + ": overflow policy is missing");
        }
        return new QueueRing(ring, consumer, policy, true);
    }

    /** The destination's side: the consumer region read-write, the ring (destinations map it read-only). */
    public static QueueRing destination(PortRegion ring, PortRegion consumer) {
        return new QueueRing(ring, consumer, null, false);
    }

    public int depth() {
        return depth;
    }

    public int maxMessageSize() {
        return max;
    }

    private long slot(long n) {
        return Layout.BODY + (n % depth) * stride;
    }

    private long tail() {
        return (long) LONG.getAcquire(ring, Layout.Q_TAIL);
    }

    private long head() {
        return (long) LONG.getAcquire(consumer, Layout.C_HEAD);
    }

    /** Messages waiting, as far as this side can tell (at most the depth). */
    public int pending() {
        long n = tail() - head();
        return (int) Math.max(0, Math.min(n, depth));
    }

    /** True when a send would find no room (what a BLOCK sender waits on). */
    public boolean full() {
        return tail() - head() >= depth;
    }

    /** True when a receive would find nothing (what a waiting receiver waits on). */
    public boolean empty() {
        return tail() == head();
    }

    /**
     * Source side: queues {@code src[0..len)} according to the overflow policy. One source only.
     *
     * @throws IllegalArgumentException if {@code len} is outside 1..maxMessageSize or beyond {@code src}
     */
    public SendOutcome send(byte[] src, int len) {
        return send(src, len, 0);
    }

    /**
     * As {@link #send(byte[], int)}, the message stamped with {@code timeNs} (the board's send time, which the
     * destination's receive reports as the message's timestamp).
     */
    public SendOutcome send(byte[] src, int len, long timeNs) {
        if (src == null || len < 1 || len > max || len > src.length) {
            throw new IllegalArgumentException(src == null ? ringRegion.file() + ": null message"
                    : ringRegion.file() + ": message length " + len + " outside 1.." + Math.min(max, src.length)
                            + (len > max ? " (maxMessageSize " + max + ")" : ""));
        }
        if (policy == null) {
            throw new IllegalStateException(ringRegion.file() + ": the destination side cannot send");
        }
        long t = (long) LONG.getOpaque(ring, Layout.Q_TAIL);
        boolean full = t - head() >= depth;
        if (full && policy != OverflowPolicy.DROP_OLDEST) {
            if (policy == OverflowPolicy.DROP_NEWEST) {
                LONG.setRelease(ring, Layout.Q_DROPPED, (long) LONG.getOpaque(ring, Layout.Q_DROPPED) + 1);
            }
            return SendOutcome.FULL;
        }
        long s = slot(t);
        LONG.setOpaque(ring, s + Layout.QS_SEQ, 2 * t + 1);
        // A reader still copying the old message in this slot must see the sequence change before new bytes.
        VarHandle.releaseFence();
        INT.set(ring, s + Layout.QS_LENGTH, len);
        LONG.set(ring, s + Layout.QS_TIME, timeNs);
        MemorySegment.copy(src, 0, ring, ValueLayout.JAVA_BYTE, s + Layout.QUEUE_DATA, len);
        LONG.setRelease(ring, s + Layout.QS_SEQ, 2 * t + 2);
        LONG.setRelease(ring, Layout.Q_TAIL, t + 1);
        return full ? SendOutcome.SENT_DROPPED_OLDEST : SendOutcome.SENT;
    }

    /**
     * Destination side: takes the oldest message into {@code dst}.
     *
     * @return its length, {@link #EMPTY} or {@link #BUSY}; after a message {@link #overflowed()} says whether
     *         messages were lost before it
     * @throws IllegalArgumentException if {@code dst} is shorter than the maximum message size
     */
    public int receive(byte[] dst) {
        if (dst == null || dst.length < max) {
            throw new IllegalArgumentException(ringRegion.file() + ": receive buffer of "
                    + (dst == null ? "null" : dst.length + " bytes") + " is smaller than maxMessageSize " + max);
        }
        if (policy != null) {
            throw new IllegalStateException(ringRegion.file() + ": the source side cannot receive");
        }
        long h = (long) LONG.getOpaque(consumer, Layout.C_HEAD);
        long lost = (long) LONG.getOpaque(consumer, Layout.C_LOST);
        long dropped = (long) LONG.getAcquire(ring, Layout.Q_DROPPED);
        long seenDropped = (long) LONG.getOpaque(consumer, Layout.C_SEEN_DROPPED);
        if (dropped != seenDropped) {
            lost += dropped - seenDropped;
            LONG.setOpaque(consumer, Layout.C_SEEN_DROPPED, dropped);
            LONG.setOpaque(consumer, Layout.C_LOST, lost);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long t = tail();
            if (t == h) {
                return EMPTY;
            }
            if (t - h > depth) {
                lost += skip(h, t - depth, lost);
                h = t - depth;
            }
            long s = slot(h);
            long s1 = (long) LONG.getAcquire(ring, s + Layout.QS_SEQ);
            if (s1 != 2 * h + 2) {
                // A later message m (being) written here: everything up to m - depth is gone.
                long m = (s1 - 1) >>> 1;
                if (m > h) {
                    long next = m - depth + 1;
                    lost += skip(h, next, lost);
                    h = next;
                }
                continue;
            }
            int len = (int) INT.get(ring, s + Layout.QS_LENGTH);
            if (len < 1 || len > max) {
                continue; // torn by a concurrent overwrite; the sequence tells on the next attempt
            }
            long time = (long) LONG.get(ring, s + Layout.QS_TIME);
            MemorySegment.copy(ring, ValueLayout.JAVA_BYTE, s + Layout.QUEUE_DATA, dst, 0, len);
            VarHandle.acquireFence();
            if ((long) LONG.getOpaque(ring, s + Layout.QS_SEQ) != s1) {
                continue;
            }
            lastTime = time;
            long reported = (long) LONG.getOpaque(consumer, Layout.C_LOST_REPORTED);
            overflowed = lost != reported;
            if (overflowed) {
                LONG.setOpaque(consumer, Layout.C_LOST_REPORTED, lost);
            }
            LONG.setRelease(consumer, Layout.C_HEAD, h + 1);
            return len;
        }
        return BUSY;
    }

    /** Moves the head from {@code from} to {@code to}, counting the skipped messages as lost; returns how many. */
    private long skip(long from, long to, long lostSoFar) {
        long n = to - from;
        LONG.setOpaque(consumer, Layout.C_LOST, lostSoFar + n);
        LONG.setRelease(consumer, Layout.C_HEAD, to);
        return n;
    }

    /** After a successful {@link #receive}: the time its message was stamped with when sent. */
    public long timestampNs() {
        return lastTime;
    }

    /** After a successful {@link #receive}: messages were lost between the previous successful receive and it. */
    public boolean overflowed() {
        return overflowed;
    }

    /** Messages this destination lost so far (overwritten by DROP_OLDEST or refused by DROP_NEWEST). */
    public long lost() {
        return (long) LONG.getAcquire(consumer, Layout.C_LOST);
    }

    /**
     * Source side: counts a message a full ring kept out or overwrote for the trace (a DROP_OLDEST overwrite, a BLOCK
     * send that timed out); DROP_NEWEST drops are counted by {@link #send} itself.
     */
    public void countOverflow() {
        LONG.setRelease(ring, Layout.Q_OVERFLOWS, (long) LONG.getOpaque(ring, Layout.Q_OVERFLOWS) + 1);
    }

    /** Messages a full ring kept out or overwrote, as the source saw them (DROP_NEWEST drops and counted ones). */
    public long overflows() {
        return (long) LONG.getAcquire(ring, Layout.Q_DROPPED) + (long) LONG.getAcquire(ring, Layout.Q_OVERFLOWS);
    }

    /**
     * Messages this destination has lost or will find lost at its next receive: its count so far, the source's
     * DROP_NEWEST drops it has not taken in yet, and what DROP_OLDEST overwrote beyond its head.
     */
    public long lostSoFar() {
        long lost = (long) LONG.getAcquire(consumer, Layout.C_LOST);
        long unseen = (long) LONG.getAcquire(ring, Layout.Q_DROPPED) - (long) LONG.getOpaque(consumer, Layout.C_SEEN_DROPPED);
        return lost + unseen + Math.max(0, tail() - head() - depth);
    }

    /**
     * The kernel's side (it owns every region), when the destination's partition restarts or goes idle: the
     * destination's view becomes an empty queue that lost nothing, as the kernel's own queue is cleared. Messages the
     * source sends from now on are queued as usual; a source blocked on the full ring finds room.
     */
    public void clear() {
        LONG.setOpaque(consumer, Layout.C_SEEN_DROPPED, (long) LONG.getAcquire(ring, Layout.Q_DROPPED));
        LONG.setOpaque(consumer, Layout.C_LOST, 0L);
        LONG.setOpaque(consumer, Layout.C_LOST_REPORTED, 0L);
        LONG.setRelease(consumer, Layout.C_RESETS, (long) LONG.getOpaque(consumer, Layout.C_RESETS) + 1);
        LONG.setRelease(consumer, Layout.C_HEAD, tail());
    }

    /** How often the kernel {@linkplain #clear() cleared} this queue (a destination then reports its losses anew). */
    public long resets() {
        return (long) LONG.getAcquire(consumer, Layout.C_RESETS);
    }

    /** Source side, after a send: wakes the kernel's watcher when processes wait in the kernel to receive. */
    public void wakeReceivers() {
        VarHandle.fullFence();
        if ((long) LONG.getOpaque(consumer, Layout.C_RECEIVERS_WAITING) != 0) {
            Futex.wake(ring, Layout.Q_TAIL, Integer.MAX_VALUE);
        }
    }

    /** Destination side, after a receive: wakes the kernel's watcher when processes wait in the kernel to send. */
    public void wakeSenders() {
        VarHandle.fullFence();
        if ((long) LONG.getOpaque(ring, Layout.Q_SENDERS_WAITING) != 0) {
            Futex.wake(consumer, Layout.C_HEAD, Integer.MAX_VALUE);
        }
    }

    /** The kernel's side: whether the source must wake {@link #awaitArrival} after each send. */
    public void watchArrivals(boolean on) {
        LONG.setVolatile(consumer, Layout.C_RECEIVERS_WAITING, on ? 1L : 0L);
        VarHandle.fullFence();
    }

    /** The kernel's side: whether the destination must wake {@link #awaitRoom} after each receive. */
    public void watchRoom(boolean on) {
        LONG.setVolatile(ring, Layout.Q_SENDERS_WAITING, on ? 1L : 0L);
        VarHandle.fullFence();
    }

    /** The low 32 bits of the tail: the futex word a message moves. */
    public int tailWord() {
        return (int) INT.getVolatile(ring, Layout.Q_TAIL);
    }

    /** The low 32 bits of the head: the futex word a receive moves. */
    public int headWord() {
        return (int) INT.getVolatile(consumer, Layout.C_HEAD);
    }

    /** The kernel's side: sleeps while the tail word is {@code seen}, at most {@code timeoutNs} (see {@link Futex#await}). */
    public void awaitArrival(int seen, long timeoutNs) {
        Futex.await(ring, Layout.Q_TAIL, seen, timeoutNs);
    }

    /** The kernel's side: sleeps while the head word is {@code seen}, at most {@code timeoutNs}. */
    public void awaitRoom(int seen, long timeoutNs) {
        Futex.await(consumer, Layout.C_HEAD, seen, timeoutNs);
    }

    /** The kernel's side: wakes its own watchers of this ring (a new wait to look at). */
    public void nudge() {
        Futex.wake(ring, Layout.Q_TAIL, Integer.MAX_VALUE);
        Futex.wake(consumer, Layout.C_HEAD, Integer.MAX_VALUE);
    }

    /** Messages the source has sent into this ring so far. */
    public long sent() {
        return tail();
    }
}
