// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

import org.orrery.os.trace.TraceSink;

/**
 * The trace of a hosted board whose partitions have kernels of their own: the module's events (windows, modes, health
 * monitor, port traffic) come from the board's kernel, each partition's own (its processes' states, its watchdog, its
 * user events) over its link, a window or more later, since a partition sends only while its window is open. A core's
 * stream must stay in time order, so an event is written once every live partition's kernel has sent all it traced up
 * to that instant, and a partition's event once the board's own events of its core have reached it too (they come
 * from the board's trace writer, a slice or more after the board traced them); until then it waits here. A partition
 * event that comes after the board already wrote past its time (a kernel that lost its link's race with the end of the
 * run) is counted as discarded on its core, never reordered.
 * <p>
 * Its methods are called by the board's trace writer ({@link #event}, {@link #discarded}, {@link #slice}) and the
 * partitions' link readers ({@link #offer}, {@link #live}, {@link #gone}), one at a time; only the writer's reach the
 * sink. A sink is written by the board's trace writer alone (the agent's judges the trial's frames between two slices
 * on that thread): a link reader that wrote to it would write beside the writer.
 */
final class MergedTrace implements TraceSink {
    private static final long NOT_LIVE = Long.MAX_VALUE;
    /**
     * By time, then in the order offered: a kernel traces several events at one instant (a process released, then
     * dispatched), and a heap alone keeps no order among equal keys.
     */
    private static final Comparator<long[]> BY_TIME = Comparator.<long[]>comparingLong(e -> e[0])
            .thenComparingLong(e -> e[5]);
    /** Board events of one core held back at the most (seconds of a busy trace, far more than a major frame's). */
    static final int MAX_HELD = 1 << 18;

    private final TraceSink sink;
    /** The board's events of each core not written yet, in time order: {time, type, f0, f1, f2}. */
    private final ArrayDeque<long[]>[] board;
    /** The partitions' events of each core not written yet: {time, type, f0, f1, f2, order offered}. */
    private final PriorityQueue<long[]>[] partitions;
    /** Up to when each live partition's kernel has sent all it traced; {@link #NOT_LIVE} for the others. */
    private final long[] complete;
    private final long[] written;
    /** Per core: the time of the board's latest event (its events of a core come in time order). */
    private final long[] boardSeen;
    private final long[] boardDiscarded;
    private final long[] late;
    /** {@link #late} as the sink was last told it. */
    private final long[] lateReported;
    /** Live partitions whose kernel the trace stopped waiting for ({@link #MAX_HELD}). */
    private final boolean[] givenUp;
    private boolean ended;
    private long offered;

    @SuppressWarnings("unchecked")
    MergedTrace(TraceSink sink, int cores, int partitionCount) {
        this.sink = sink;
        board = new ArrayDeque[cores];
        partitions = new PriorityQueue[cores];
        for (int c = 0; c < cores; c++) {
            board[c] = new ArrayDeque<>();
            partitions[c] = new PriorityQueue<>(BY_TIME);
        }
        complete = new long[partitionCount];
        Arrays.fill(complete, NOT_LIVE);
        written = new long[cores];
        Arrays.fill(written, Long.MIN_VALUE);
        boardSeen = new long[cores];
        Arrays.fill(boardSeen, Long.MIN_VALUE);
        boardDiscarded = new long[cores];
        late = new long[cores];
        lateReported = new long[cores];
        givenUp = new boolean[partitionCount];
    }

    @Override
    public synchronized void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
        board[core].add(new long[] {timestampNs, typeId, f0, f1, f2});
        boardSeen[core] = Math.max(boardSeen[core], timestampNs);
        if (board[core].size() > MAX_HELD) {
            // a live partition's kernel that has sent nothing for this long (its process hung without dying) no longer
            // holds the trace back: what it sends later is counted as discarded
            int slowest = slowest();
            complete[slowest] = NOT_LIVE;
            givenUp[slowest] = true;
            flushAll(watermark());
            return;
        }
        reportLate();
        flushAll(watermark());
    }

    private int slowest() {
        int slowest = 0;
        for (int p = 1; p < complete.length; p++) {
            if (complete[p] < complete[slowest]) {
                slowest = p;
            }
        }
        return slowest;
    }

    @Override
    public synchronized void discarded(int core, long total) {
        boardDiscarded[core] = total;
        lateReported[core] = late[core];
        sink.discarded(core, total + late[core]);
    }

    /** Partition {@code partition}'s kernel runs from {@code fromNs}: the board waits for its events from then on. */
    synchronized void live(int partition, long fromNs) {
        complete[partition] = fromNs;
        givenUp[partition] = false;
    }

    /** Partition {@code partition}'s kernel is gone (ended, killed, idle): nothing more comes from it. */
    synchronized void gone(int partition) {
        complete[partition] = NOT_LIVE;
        givenUp[partition] = false;
    }

    /** On the board's trace writer, at the end of each slice: writes what the partitions' events let through. */
    synchronized void slice() {
        reportLate();
        flushAll(watermark());
    }

    /**
     * Events of {@code partition}'s kernel ({time, core, type, f0, f1, f2} each), which has now sent everything it
     * traced up to {@code completeNs}.
     */
    synchronized void offer(int partition, long completeNs, long[][] events) {
        if (ended || (complete[partition] == NOT_LIVE && !givenUp[partition])) {
            return;
        }
        for (long[] e : events) {
            int core = (int) e[1];
            if (e[0] < written[core] || givenUp[partition]) {
                late[core]++;
            } else {
                partitions[core].add(new long[] {e[0], e[2], e[3], e[4], e[5], offered++});
            }
        }
        if (!givenUp[partition]) {
            complete[partition] = Math.max(complete[partition], completeNs);
        }
    }

    /**
     * The run is over at board time {@code endNs}: everything waiting up to then is written, in order, and nothing later
     * is taken. A partition's kernel runs on its own clock until it is told the end, so it may have traced past it:
     * those events are after the run, not part of its trace (a trace that went on past the board's last window would
     * miss windows the board never had to open).
     */
    synchronized void end(long endNs) {
        ended = true;
        for (java.util.PriorityQueue<long[]> p : partitions) {
            p.removeIf(e -> e[0] > endNs);
        }
        reportLate();
        flushAll(NOT_LIVE);
    }

    /** Each core's discarded count, where partition events came too late since it was last told. */
    private void reportLate() {
        for (int c = 0; c < late.length; c++) {
            if (late[c] != lateReported[c]) {
                lateReported[c] = late[c];
                sink.discarded(c, boardDiscarded[c] + late[c]);
            }
        }
    }

    private long watermark() {
        long w = NOT_LIVE;
        for (long c : complete) {
            w = Math.min(w, c);
        }
        return w;
    }

    private void flushAll(long watermark) {
        for (int c = 0; c < board.length; c++) {
            flush(c, watermark);
        }
    }

    /** Writes core {@code core}'s events up to {@code watermark}, the board's and the partitions' merged by time. */
    private void flush(int core, long watermark) {
        ArrayDeque<long[]> b = board[core];
        PriorityQueue<long[]> p = partitions[core];
        while (true) {
            long[] next;
            long[] fromBoard = b.peekFirst();
            long[] fromPartition = p.peek();
            if (fromBoard != null && (fromPartition == null || fromBoard[0] <= fromPartition[0])) {
                next = fromBoard;
            } else {
                next = fromPartition;
            }
            // a partition's event waits for the board's of its core up to its time: one written before those would
            // put them out of order
            if (next == null || next[0] > watermark || (next != fromBoard && next[0] > boardSeen[core] && !ended)) {
                return;
            }
            if (next == fromBoard) {
                b.pollFirst();
            } else {
                p.poll();
            }
            written[core] = Math.max(written[core], next[0]);
            sink.event(core, next[0], (int) next[1], next[2], next[3], next[4]);
        }
    }
}
