// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.analysis.ConfigSchedulability;
import org.orrery.dsl.analysis.Task;
import org.orrery.dsl.analysis.Verdict;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.HmEvent;

/**
 * The language's schedulability analysis (what {@code check}, the hovers and {@code reports/response-times.txt}
 * say) against what the simulated board does with the same configuration. Every process is released at 0
 * (the critical instant) and computes exactly its declared WCET per job; one window covers the whole major
 * frame (the hyperperiod), so the analysis and the board see the same supply (the last test gives the partition part of each
 * frame, where the analysis's worst case is a release at a window end). Response times are observed as the
 * virtual time at which each job's computation ends, minus its release (job k of a process is released k
 * periods after the end of the partition's initialisation).
 */
class AnalysisAgainstSimulationTest {
    private static final long MS = 1_000_000L;
    /** Simulated time: more than twice every hyperperiod below. */
    private static final long RUN = 1_000 * MS;

    /** One job as the board ran it: job k of a process is released k periods after its start. */
    private record Job(Task task, int k, long release, long finish) {
        long response() {
            return finish - release;
        }
    }

    private record Outcome(List<Verdict> analysis, List<Job> jobs, SimResult run) {
        /** The analysed response time of {@code task}. */
        long analysed(String task) {
            return analysis.stream().filter(v -> v.task().name().equals(task)).findFirst().orElseThrow().responseTime();
        }

        List<Long> analysedResponses() {
            return analysis.stream().map(Verdict::responseTime).toList();
        }

        /** The response of each process's first job: all released together at 0. */
        List<Long> criticalInstantResponses() {
            return analysis.stream().map(v -> jobs.stream().filter(j -> j.task().equals(v.task()) && j.k() == 0)
                    .findFirst().orElseThrow().response()).toList();
        }

        long worstObserved(String task) {
            return jobs.stream().filter(j -> j.task().name().equals(task)).mapToLong(Job::response).max().orElseThrow();
        }

        List<HmEvent> misses() {
            return run.summary().hmEvents().stream().filter(e -> e.error() == ErrorCode.DEADLINE_MISSED).toList();
        }
    }

    private static Task task(String name, long periodMs, long wcetMs, int priority) {
        return new Task(name, periodMs * MS, periodMs * MS, wcetMs * MS, priority);
    }

    /**
     * Analyses and simulates partition "p" running {@code tasks} under {@code policy}, alone on one core, with one
     * window as long as its major frame, the hyperperiod of the tasks (as one would configure it): jobs that end
     * on a frame boundary, where the window closes and reopens, are covered too.
     */
    private static Outcome run(SchedulingPolicy policy, Task... tasks) throws Exception {
        long frame = 1;
        for (Task t : tasks) {
            frame = frame / gcd(frame, t.period()) * t.period();
        }
        return run(policy, frame, List.of(new WindowConfig(0, 0, frame, "p")), tasks);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** As {@link #run(SchedulingPolicy, Task...)}, in the given windows of a major frame of {@code frame}. */
    private static Outcome run(SchedulingPolicy policy, long frame, List<WindowConfig> windows, Task... tasks)
            throws Exception {
        List<ProcessConfig> processes = new ArrayList<>();
        for (Task t : tasks) {
            processes.add(new ProcessConfig(t.name(), ProcessKind.PERIODIC, t.period(), t.deadline(), t.priority(),
                    t.wcet(), 65536));
        }
        PartitionConfig partition = new PartitionConfig("p", 0, List.of(0), 1 << 20, Criticality.C, policy, 0, "test.P",
                "", 0, processes, List.of());
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, frame)), windows);
        BoardConfig board = new BoardConfig("sim", 1, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        SystemConfig config = new SystemConfig("analysis", board, List.of(), List.of(partition), List.of(), List.of(plan),
                "main", List.of(), List.of(), List.of(), List.of());

        List<Verdict> analysis = ConfigSchedulability.analyse(config).get(0).verdicts();
        List<Job> jobs = new ArrayList<>();
        PartitionApplication app = p -> {
            long start = p.now(); // processes started during initialisation are released when it ends, now
            for (int i = 0; i < tasks.length; i++) {
                Task t = tasks[i];
                p.createProcess(new ProcessRef(t.name(), i), () -> {
                    for (int k = 0;; k++) {
                        p.compute(t.wcet());
                        jobs.add(new Job(t, k, start + k * t.period(), p.now()));
                        p.periodicWait();
                    }
                }).start();
            }
        };
        Map<String, Supplier<? extends PartitionApplication>> apps = new LinkedHashMap<>();
        apps.put("p", () -> app);
        SimResult result = Simulator.of(config, ApplicationLoader.of(apps)).run(RUN);
        return new Outcome(analysis, jobs, result);
    }

    /** Where the analysis says schedulable: equal at the critical instant, never exceeded, no miss on the board. */
    private static void assertAgreeAndHold(Outcome o) {
        assertTrue(o.analysis().stream().allMatch(Verdict::schedulable), o.analysis().toString());
        assertEquals(o.analysedResponses(), o.criticalInstantResponses());
        for (Verdict v : o.analysis()) {
            assertTrue(o.worstObserved(v.task().name()) <= v.responseTime(), v.task().name() + " observed "
                    + o.worstObserved(v.task().name()) + " above the analysed " + v.responseTime());
        }
        assertEquals(0, o.run().summary().deadlineMisses(), o.misses().toString());
    }

    /**
     * Burns &amp; Wellings, Real-Time Systems and Programming Languages (4th ed.), ch. 11, the response-time
     * analysis example: a (T = 7, C = 3), b (T = 12, C = 3), c (T = 20, C = 5), rate-monotonic priorities,
     * D = T; published response times R = 3, 6 and 20 (c finishes exactly at its deadline).
     */
    @Test
    void burnsAndWellingsResponseTimesArePublishedOnesAndTheBoardReachesThem() throws Exception {
        Outcome o = run(SchedulingPolicy.FIXED_PRIORITY, task("a", 7, 3, 3), task("b", 12, 3, 2), task("c", 20, 5, 1));
        assertEquals(List.of(3 * MS, 6 * MS, 20 * MS), o.analysedResponses());
        assertAgreeAndHold(o);
        assertTrue(o.jobs().size() > 100, "a whole hyperperiod (420 ms) and more was simulated: " + o.jobs().size());
    }

    /**
     * Burns &amp; Wellings (ch. 11), the harmonic set at utilisation 1 that the utilisation test cannot accept
     * but a time-line shows feasible: a (T = 80, C = 40), b (T = 40, C = 10), c (T = 20, C = 5), rate-monotonic.
     * Recurrence for a: 55, 75, 80, 80; so R = 80, 15, 5.
     */
    @Test
    void theHarmonicSetAtFullUtilisationIsExactlyFeasible() throws Exception {
        Outcome o = run(SchedulingPolicy.FIXED_PRIORITY, task("a", 80, 40, 1), task("b", 40, 10, 2), task("c", 20, 5, 3));
        assertEquals(List.of(80 * MS, 15 * MS, 5 * MS), o.analysedResponses());
        assertAgreeAndHold(o);
    }

    /**
     * Burns &amp; Wellings (ch. 11), the set that fails the utilisation test (U = 0.82) and misses: a (T = 50,
     * C = 12), b (T = 40, C = 10), c (T = 30, C = 10), rate-monotonic; the time-line shows a missing its first
     * deadline at 50 (recurrence for a: 32, 42, 52 &gt; 50). The board reports that very miss.
     */
    @Test
    void whereTheAnalysisSaysUnschedulableTheBoardMissesThatDeadline() throws Exception {
        Outcome o = run(SchedulingPolicy.FIXED_PRIORITY, task("a", 50, 12, 1), task("b", 40, 10, 2), task("c", 30, 10, 3));
        assertEquals(List.of(52 * MS, 20 * MS, 10 * MS), o.analysedResponses());
        assertEquals(List.of(false, true, true), o.analysis().stream().map(Verdict::schedulable).toList());
        assertTrue(o.run().summary().deadlineMisses() > 0);
        HmEvent first = o.misses().get(0);
        assertEquals("a", first.process());
        assertEquals(50 * MS, first.timeNs());
        assertTrue(o.worstObserved("b") <= o.analysed("b") && o.worstObserved("c") <= o.analysed("c"));
    }

    /**
     * EDF with implicit deadlines is feasible exactly up to utilisation 1 (Liu &amp; Layland, JACM 1973). At
     * U = 1/4 + 2/6 + 5/12 = 1 the demand test passes and bounds each response by its deadline; the board
     * never exceeds a deadline and, the processor being busy throughout, a job due at the hyperperiod (12 ms)
     * ends exactly on it.
     */
    @Test
    void edfAtUtilisationOneMeetsEveryDeadlineWithTheLastJobOnIt() throws Exception {
        Outcome o = run(SchedulingPolicy.EDF, task("a", 4, 1, 1), task("b", 6, 2, 1), task("c", 12, 5, 1));
        assertEquals(List.of(4 * MS, 6 * MS, 12 * MS), o.analysedResponses());
        assertTrue(o.analysis().stream().allMatch(Verdict::schedulable));
        for (Verdict v : o.analysis()) {
            assertTrue(o.worstObserved(v.task().name()) <= v.responseTime(), v.task().name());
        }
        // Busy without a gap until 12 ms, so the last job due at 12 ms ends on its deadline: the bound is tight.
        assertTrue(o.analysis().stream().anyMatch(v -> o.worstObserved(v.task().name()) == v.responseTime()),
                o.jobs().toString());
        assertEquals(0, o.run().summary().deadlineMisses(), o.misses().toString());
    }

    /**
     * Just above utilisation 1 (c needs 6 instead of 5: U = 13/12) the demand due by 12 ms is 13 ms: the analysis
     * names c and a response of 13 ms, and the board misses c's deadline at 12 ms.
     */
    @Test
    void edfJustAboveUtilisationOneMissesWhereTheDemandTestFails() throws Exception {
        Outcome o = run(SchedulingPolicy.EDF, task("a", 4, 1, 1), task("b", 6, 2, 1), task("c", 12, 6, 1));
        Verdict c = o.analysis().get(2);
        assertFalse(c.schedulable());
        assertEquals(13 * MS, c.responseTime());
        assertTrue(o.run().summary().deadlineMisses() > 0);
        assertEquals(12 * MS, o.misses().get(0).timeNs());
    }

    /**
     * Inside windows the analysis releases each job as its partition's window closes, where the wait is longest.
     * Here "p" runs in [5, 10) of every 10 ms; a process of 4 ms every 15 ms is released at 5, 20, 35 ...: the
     * release at 20 falls on a window end and waits 5 ms for the next window, 9 ms in all, as the analysis says;
     * the releases at a window start take 4 ms.
     */
    @Test
    void insideWindowsTheBoardReachesTheAnalysedResponseWhereAReleaseMeetsAWindowEnd() throws Exception {
        Outcome o = run(SchedulingPolicy.FIXED_PRIORITY, 10 * MS, List.of(new WindowConfig(0, 5 * MS, 5 * MS, "p")),
                new Task("t", 15 * MS, 15 * MS, 4 * MS, 1));
        assertEquals(List.of(9 * MS), o.analysedResponses());
        assertEquals(9 * MS, o.worstObserved("t"));
        assertEquals(20 * MS, o.jobs().stream().filter(j -> j.response() == 9 * MS).findFirst().orElseThrow().release());
        assertEquals(4 * MS, o.jobs().get(0).response());
        assertEquals(0, o.run().summary().deadlineMisses(), o.misses().toString());
    }
}
