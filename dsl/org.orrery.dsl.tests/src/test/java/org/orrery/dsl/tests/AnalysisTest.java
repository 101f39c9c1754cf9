// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.analysis.DemandBoundAnalysis;
import org.orrery.dsl.analysis.ResponseTimeAnalysis;
import org.orrery.dsl.analysis.Supply;
import org.orrery.dsl.analysis.Task;
import org.orrery.dsl.analysis.Verdict;

/** The schedulability analyses against hand-computed cases. */
class AnalysisTest {

    private static Supply always(long frame) {
        return new Supply(frame, List.of(new long[] {0, frame}));
    }

    @Test
    void supplyCountsOnlyWindowTime() {
        Supply s = new Supply(10, List.of(new long[] {0, 5}));
        assertEquals(5, s.perFrame());
        assertEquals(7, s.cumulative(12));
        assertEquals(12, s.finish(5, 2), "released at a window end, 2 units finish 2 into the next window");
        assertEquals(5, s.finish(0, 5), "a whole window of work ends with the window");
        assertEquals(5, s.minimumSupply(10));
        assertEquals(1, s.minimumSupply(6), "the worst 6-unit interval starts at the gap");
        assertEquals(Long.MAX_VALUE, new Supply(10, List.of()).finish(0, 1));
    }

    /**
     * 1 ms of window per second serves 9,300,000 s of work only after ~9.3e18 ns, past a long: the finish must
     * saturate, not wrap to a negative instant that made an overloaded partition pass as schedulable.
     */
    @Test
    void workFinishingBeyondALongIsNeverServedNotSchedulable() {
        long s = 1_000_000_000L;
        Supply sparse = new Supply(s, List.of(new long[] {0, 1_000_000}));
        assertEquals(Long.MAX_VALUE, sparse.finish(0, 9_300_000 * s));
        assertEquals(Long.MAX_VALUE, sparse.finish(s - 1, Long.MAX_VALUE - 1));
        assertEquals(Long.MAX_VALUE, sparse.minimumIntervalFor(9_300_000 * s));
        assertEquals(5_000_000_000_000_000_000L - s + 1_000_000, sparse.finish(0, 5_000_000 * s),
                "still exact below the range's end");
        Verdict fp = ResponseTimeAnalysis.fixedPriority(List.of(new Task("p", 9_400_000 * s, 9_400_000 * s,
                9_300_000 * s, 1)), sparse).get(0);
        assertTrue(fp.unbounded(), () -> "response " + fp.responseTime());
        assertFalse(fp.schedulable());
        Verdict edf = DemandBoundAnalysis.edf(List.of(new Task("p", 9_400_000 * s, 9_400_000 * s, 9_300_000 * s, 0)),
                sparse).get(0);
        assertFalse(edf.schedulable(), () -> "response " + edf.responseTime());
    }

    @Test
    void overlappingWindowsAreMergedNotCountedTwice() {
        Supply s = new Supply(10, List.of(new long[] {0, 6}, new long[] {5, 7}));
        assertEquals(7, s.perFrame());
    }

    @Test
    void classicResponseTimesWithAFullProcessor() {
        List<Task> tasks = List.of(new Task("t1", 7, 7, 3, 3), new Task("t2", 12, 12, 3, 2), new Task("t3", 20, 20, 5, 1));
        List<Verdict> v = ResponseTimeAnalysis.fixedPriority(tasks, always(1_000));
        assertEquals(3, v.get(0).responseTime());
        assertEquals(6, v.get(1).responseTime());
        assertEquals(20, v.get(2).responseTime());
        assertTrue(v.stream().allMatch(Verdict::schedulable));
    }

    @Test
    void windowsStretchResponseTimes() {
        // 4 units every 10, but the partition only runs in [0, 3): from the window end it takes two more windows.
        List<Verdict> v = ResponseTimeAnalysis.fixedPriority(List.of(new Task("p", 10, 10, 4, 1)),
                new Supply(10, List.of(new long[] {0, 3})));
        assertEquals(18, v.get(0).responseTime());
        assertFalse(v.get(0).schedulable());
    }

    @Test
    void roundRobinCountsEveryOtherProcessAsInterference() {
        List<Task> tasks = List.of(new Task("a", 10, 10, 2, 9), new Task("b", 10, 10, 2, 1));
        assertEquals(2, ResponseTimeAnalysis.fixedPriority(tasks, always(100)).get(0).responseTime());
        assertEquals(4, ResponseTimeAnalysis.roundRobin(tasks, always(100)).get(0).responseTime());
    }

    @Test
    void edfAcceptsFullUtilisationAndRefusesMore() {
        List<Task> exact = List.of(new Task("a", 4, 4, 2, 0), new Task("b", 8, 8, 4, 0));
        assertTrue(DemandBoundAnalysis.edf(exact, always(8)).stream().allMatch(Verdict::schedulable));
        List<Task> over = List.of(new Task("a", 4, 4, 2, 0), new Task("b", 8, 8, 5, 0));
        List<Verdict> v = DemandBoundAnalysis.edf(over, always(8));
        Verdict failing = v.stream().filter(x -> !x.schedulable()).findFirst().orElseThrow();
        assertEquals("b", failing.task().name());
        assertEquals(9, failing.responseTime(), "demand 9 by t=8 is served at 9");
    }

    @Test
    void edfWithConstrainedDeadlinesInsideWindows() {
        // Window [0, 5) of 10; a job due 4 after a release at the window end cannot be served in time.
        List<Verdict> v = DemandBoundAnalysis.edf(List.of(new Task("d", 10, 4, 1, 0)), new Supply(10, List.of(new long[] {0, 5})));
        assertFalse(v.get(0).schedulable());
        assertEquals(6, v.get(0).responseTime());
    }
}
