// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.partition;
import static org.orrery.os.kernel.tests.Rig.periodic;
import static org.orrery.os.kernel.tests.Rig.plan;
import static org.orrery.os.kernel.tests.Rig.window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.OperatorDesk;
import org.orrery.os.kernel.OperatorDesk.Action;
import org.orrery.os.kernel.OperatorDesk.Outcome;
import org.orrery.os.trace.TraceEventType;

/**
 * The operator's requests on a running kernel: queued from outside, applied by the engine at its next step, in
 * board time. Partitions "a" (window 0-50 ms) and "b" (50-100 ms) share core 0 in plan "main"; plan "solo" gives
 * "a" the whole 100 ms frame. Requests are submitted between the simulator's 10 ms slices.
 */
class OperatorTest {
    private static final ProcessRef WORK = new ProcessRef("work", 0);

    /** A request to submit when the board reaches a time, and what the kernel answered. */
    private record Step(long atNs, Action action, String target, CompletableFuture<Outcome>[] reply) {
        @SuppressWarnings("unchecked")
        Step(long atNs, Action action, String target) {
            this(atNs, action, target, new CompletableFuture[1]);
        }

        Outcome outcome() {
            return reply[0].getNow(new Outcome(false, "never answered"));
        }
    }

    private static SystemConfig system() {
        return Rig.system(
                List.of(partition("a", 0, List.of(periodic("work", 100 * MS, 100 * MS, 5))),
                        partition("b", 1, List.of(periodic("work", 100 * MS, 100 * MS, 5)))),
                List.of(),
                List.of(plan("main", 100 * MS, window(0, 0, 50 * MS, "a"), window(0, 50 * MS, 50 * MS, "b")),
                        plan("solo", 100 * MS, window(0, 0, 100 * MS, "a"))),
                List.of(), List.of());
    }

    /** Every partition: a periodic process computing 10 ms per period, then NORMAL. */
    private static PartitionApplication app() {
        return p -> {
            p.createProcess(WORK, () -> {
                while (true) {
                    p.compute(10 * MS);
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        };
    }

    private static SimResult run(long durationNs, OperatorDesk desk, Step... steps) throws Exception {
        Map<String, Supplier<? extends PartitionApplication>> apps = new LinkedHashMap<>();
        apps.put("a", OperatorTest::app);
        apps.put("b", OperatorTest::app);
        long[] now = {0};
        List<Step> left = new ArrayList<>(List.of(steps));
        return Simulator.of(system(), ApplicationLoader.of(apps)).operator(desk).stopWhen(() -> {
            // asked before each 10 ms slice: the slices' starts are the board times 0, 10, 20, ... ms
            for (Step s : List.copyOf(left)) {
                if (s.atNs() <= now[0]) {
                    s.reply()[0] = desk.submit(s.action(), s.target(), "tester");
                    left.remove(s);
                }
            }
            now[0] += 10 * MS;
            return false;
        }).run(durationNs);
    }

    /** Mode changes after boot, per partition index (drains the trace: call once per run). */
    private static List<List<String>> modeChanges(SimResult r) {
        List<Rig.Ev> trace = Rig.trace(r);
        return List.of(0, 1).stream()
                .map(p -> Rig.modeChanges(trace, p).stream().filter(s -> !s.startsWith("0 ")).toList()).toList();
    }

    @Test
    void aStoppedPartitionIsIdleUntilStartedAgainThenItsInitialisationMakesItNormal() throws Exception {
        Step stop = new Step(60 * MS, Action.STOP, "b");
        Step start = new Step(120 * MS, Action.START, "b");
        SimResult r = run(300 * MS, new OperatorDesk(), stop, start);

        assertEquals(new Outcome(true, "b IDLE"), stop.outcome());
        assertEquals(new Outcome(true, "b COLD_START"), start.outcome());
        List<List<String>> changes = modeChanges(r);
        assertEquals(List.of("50 COLD_START>NORMAL", "60 NORMAL>IDLE", "120 IDLE>COLD_START", "150 COLD_START>NORMAL"),
                changes.get(1));
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("b"));
        assertEquals(List.of(), changes.get(0), "the neighbour is untouched");
        assertTrue(r.console().stream().anyMatch(l -> l.endsWith("OPERATOR: tester: stop b -> b IDLE")), r.console()::toString);
    }

    @Test
    void aStoppedPartitionStaysIdle() throws Exception {
        SimResult r = run(300 * MS, new OperatorDesk(), new Step(60 * MS, Action.STOP, "b"));

        assertEquals(PartitionMode.IDLE, r.summary().modes().get("b"));
        assertEquals(List.of("50 COLD_START>NORMAL", "60 NORMAL>IDLE"), modeChanges(r).get(1));
    }

    @Test
    void aRestartColdStartsThePartitionWhateverItsMode() throws Exception {
        Step restart = new Step(60 * MS, Action.RESTART, "a");
        SimResult r = run(200 * MS, new OperatorDesk(), restart);

        assertEquals(new Outcome(true, "a COLD_START"), restart.outcome());
        assertEquals(List.of("60 NORMAL>COLD_START", "100 COLD_START>NORMAL"), modeChanges(r).get(0));
    }

    @Test
    void aPlanSwitchTakesEffectAtTheEndOfTheMajorFrame() throws Exception {
        Step sw = new Step(20 * MS, Action.SWITCH_PLAN, "solo");
        SimResult r = run(250 * MS, new OperatorDesk(), sw);

        assertEquals(new Outcome(true, "plan solo at the end of the major frame"), sw.outcome());
        assertEquals(List.of("100"), Rig.only(Rig.trace(r), TraceEventType.PLAN_SWITCH).stream().map(e -> ms(e.t()))
                .toList());
        assertEquals("solo", r.summary().activePlan());
        assertEquals(1, r.summary().planSwitches());
    }

    @Test
    void unknownNamesAndPointlessRequestsAreRefusedAndChangeNothing() throws Exception {
        Step noPartition = new Step(20 * MS, Action.STOP, "c");
        Step noPlan = new Step(20 * MS, Action.SWITCH_PLAN, "maintenance");
        Step samePlan = new Step(20 * MS, Action.SWITCH_PLAN, "main");
        Step running = new Step(20 * MS, Action.START, "a");
        SimResult r = run(200 * MS, new OperatorDesk(), noPartition, noPlan, samePlan, running);

        assertEquals(new Outcome(false, "no partition 'c' on this board (partitions: a, b)"), noPartition.outcome());
        assertEquals(new Outcome(false, "no plan 'maintenance' on this board (plans: main, solo)"), noPlan.outcome());
        assertEquals(new Outcome(false, "plan main is already the module's plan"), samePlan.outcome());
        assertEquals(new Outcome(false, "partition a is already running (NORMAL); restart it instead"),
                running.outcome());
        assertEquals(List.of(List.of(), List.of("50 COLD_START>NORMAL")), modeChanges(r));
        assertEquals(0, r.summary().planSwitches());
        assertTrue(r.console().stream().noneMatch(l -> l.contains("OPERATOR")), r.console()::toString);
    }

    @Test
    void theKernelLeavesEachPartitionsCpuUseInItsLastWindow() throws Exception {
        OperatorDesk desk = new OperatorDesk();
        run(210 * MS, desk, new Step(120 * MS, Action.STOP, "b"));

        // a computes 10 ms of each 50 ms window; b stopped at 120 ms, so its window 150-200 ms ran nothing
        assertEquals(List.of(new OperatorDesk.WindowUse("a", 2, 10 * MS, 50 * MS, PartitionMode.NORMAL),
                new OperatorDesk.WindowUse("b", 2, 0, 50 * MS, PartitionMode.IDLE)), desk.windowUse());
    }
}
