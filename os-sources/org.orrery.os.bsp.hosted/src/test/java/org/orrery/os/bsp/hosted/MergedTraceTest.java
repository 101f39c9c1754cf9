// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.trace.TraceSink;

/**
 * The trace of a board whose partitions have kernels of their own: each core's stream stays in time order although a
 * partition's events come later than the board's, and nothing is reordered or hidden.
 */
class MergedTraceTest {

    /** What reached the trace, as "core@time:type" and "core discarded n". */
    private static final class Written implements TraceSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
            lines.add(core + "@" + timestampNs + ":" + typeId);
        }

        @Override
        public void discarded(int core, long total) {
            lines.add(core + " discarded " + total);
        }
    }

    private static long[] ev(long time, int core, int type) {
        return new long[] {time, core, type, 0, 0, 0};
    }

    @Test
    void theBoardsEventsWaitForWhatALivePartitionTracedBeforeThem() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 2, 2);
        t.event(0, 5, 0, 0, 0, 0); // no partition live yet: written at once
        t.live(1, 10);
        t.event(0, 12, 1, 0, 0, 0);
        t.event(1, 15, 1, 0, 0, 0);
        assertEquals(List.of("0@5:0"), w.lines, "partition 1 may still trace before 12");
        t.offer(1, 13, new long[][] {ev(11, 0, 3), ev(13, 1, 3)});
        assertEquals(List.of("0@5:0"), w.lines, "a link reader never writes: the board's trace writer does");
        t.slice();
        assertEquals(List.of("0@5:0", "0@11:3", "0@12:1", "1@13:3"), w.lines);
        t.offer(1, 20, new long[][] {ev(16, 1, 3)});
        t.slice();
        assertEquals(List.of("0@5:0", "0@11:3", "0@12:1", "1@13:3", "1@15:1"), w.lines,
                "the board's events of core 1 have not reached 16 yet");
        t.event(1, 18, 1, 0, 0, 0);
        assertEquals(List.of("0@5:0", "0@11:3", "0@12:1", "1@13:3", "1@15:1", "1@16:3", "1@18:1"), w.lines);
    }

    /**
     * A partition's kernel traces several events at one instant (a restarted process: DORMANT, READY, RUNNING); they
     * are written in the order it traced them, also across two offers, and after the board's events of that instant.
     */
    @Test
    void eventsOfOneInstantKeepTheOrderTheyWereTracedIn() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 1, 2);
        t.live(0, 0);
        t.live(1, 0);
        t.offer(0, 50, new long[][] {ev(50, 0, 1), ev(50, 0, 2), ev(50, 0, 3), ev(50, 0, 4), ev(50, 0, 5)});
        t.offer(1, 50, new long[][] {ev(50, 0, 6), ev(50, 0, 7)});
        t.offer(0, 60, new long[][] {ev(50, 0, 8), ev(50, 0, 9), ev(60, 0, 10)});
        t.event(0, 50, 0, 0, 0, 0);
        t.offer(1, 70, new long[0][]);
        t.event(0, 70, 11, 0, 0, 0);
        assertEquals(List.of("0@50:0", "0@50:1", "0@50:2", "0@50:3", "0@50:4", "0@50:5", "0@50:6", "0@50:7", "0@50:8",
                "0@50:9", "0@60:10"), w.lines.subList(0, 11), w.lines.toString());
    }

    @Test
    void aPartitionsEventWaitsForTheBoardsOfItsCoreThatComeLaterFromTheBoardsTraceWriter() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 1, 1);
        t.live(0, 0);
        t.event(0, 100, 1, 0, 0, 0);
        // the partition's kernel sent all it traced up to 120 before the board's writer handed on its slice
        t.offer(0, 120, new long[][] {ev(110, 0, 3)});
        t.slice();
        assertEquals(List.of("0@100:1"), w.lines);
        t.event(0, 105, 1, 0, 0, 0);
        t.event(0, 115, 1, 0, 0, 0);
        assertEquals(List.of("0@100:1", "0@105:1", "0@110:3", "0@115:1"), w.lines, "in time order, none discarded");
    }

    @Test
    void anEventThatComesAfterItsCoreWasWrittenPastItIsCountedAsDiscarded() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 1, 1);
        t.live(0, 0);
        t.discarded(0, 2); // the board's own buffer dropped two
        t.offer(0, 10, new long[][] {ev(10, 0, 3)});
        t.event(0, 10, 1, 0, 0, 0);
        t.offer(0, 30, new long[][] {});
        t.event(0, 20, 1, 0, 0, 0);
        t.offer(0, 30, new long[][] {ev(15, 0, 3)}); // before 20, which is written
        t.slice();
        assertEquals(List.of("0 discarded 2", "0@10:1", "0@10:3", "0@20:1", "0 discarded 3"), w.lines);
    }

    @Test
    void aLivePartitionThatSendsNothingHoldsTheTraceBackOnlySoLong() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 1, 1);
        t.live(0, 0);
        for (int i = 1; i <= MergedTrace.MAX_HELD; i++) {
            t.event(0, i, 1, 0, 0, 0);
        }
        assertEquals(List.of(), w.lines, "held for the partition");
        t.event(0, MergedTrace.MAX_HELD + 1, 1, 0, 0, 0);
        assertEquals(MergedTrace.MAX_HELD + 1, w.lines.size(), "no longer held: the partition was given up");
        t.offer(0, Long.MAX_VALUE - 1, new long[][] {ev(MergedTrace.MAX_HELD + 5L, 0, 3)});
        t.slice();
        assertEquals("0 discarded 1", w.lines.getLast(), "what it sends after is counted, not written late");
    }

    @Test
    void aPartitionThatIsGoneHoldsNothingBackAndTheEndWritesWhatWaits() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 1, 2);
        t.live(0, 0);
        t.live(1, 0);
        t.event(0, 5, 1, 0, 0, 0);
        t.offer(0, 100, new long[][] {ev(7, 0, 3)});
        t.slice();
        assertEquals(List.of(), w.lines, "partition 1 may still trace before 5");
        t.gone(1);
        t.slice();
        assertEquals(List.of("0@5:1"), w.lines, "7 waits for the board's events of core 0 up to it");
        t.event(0, 200, 1, 0, 0, 0);
        assertEquals(List.of("0@5:1", "0@7:3"), w.lines, "200 waits for partition 0, complete up to 100");
        t.end(200);
        t.offer(0, 300, new long[][] {ev(250, 0, 3)}); // after the end: nothing is taken
        assertEquals(List.of("0@5:1", "0@7:3", "0@200:1"), w.lines);
    }

    /** A partition's kernel that traced past the board's end (its own clock runs until it is told): not the run's. */
    @Test
    void whatAPartitionTracedAfterTheRunsEndIsNotWritten() {
        Written w = new Written();
        MergedTrace t = new MergedTrace(w, 1, 1);
        t.live(0, 0);
        t.event(0, 100, 1, 0, 0, 0);
        t.offer(0, 130, new long[][] {ev(90, 0, 3), ev(100, 0, 4), ev(125, 0, 5)});
        t.end(100);
        assertEquals(List.of("0@90:3", "0@100:1", "0@100:4"), w.lines);
    }
}
