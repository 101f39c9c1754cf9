// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.trace.TraceEventType;

/** kickWatchdog and requestPlanSwitch. */
class WatchdogAndPlanServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    private static final PlanRef ONE = new PlanRef("one", 0);
    private static final PlanRef TWO = new PlanRef("two", 1);

    @Test
    void kicksKeepTheWatchdogQuietAndItExpiresOnePeriodAfterTheLast() throws Exception {
        PartitionConfig a = new PartitionConfig("a", 0, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test.a", "", 5 * MS, List.of(aperiodic("main", 5)), List.of());
        SystemConfig c = Rig.system(List.of(a), List.of(), List.of(Rig.plan("main", Rig.FRAME,
                Rig.window(0, 0, Rig.FRAME, "a"))), List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION,
                Rig.rule(ErrorCode.WATCHDOG, HmLevel.PARTITION, HmAction.LOG))), List.of());
        SimResult r = Rig.run(c, 20 * MS, Map.of("a", p -> p.createProcess(MAIN, () -> {
            for (int i = 0; i < 3; i++) {
                p.timedWait(3 * MS);
                p.kickWatchdog();
            }
        }).start()));
        // Armed at 0 when the partition went NORMAL, kicked at 3, 6, 9: due at 14, then every 5 ms.
        assertEquals(List.of("14 a/ WATCHDOG PARTITION LOG", "19 a/ WATCHDOG PARTITION LOG"), Rig.hm(r));
        assertEquals(List.of("3", "6", "9"), Rig.only(Rig.trace(r), TraceEventType.WATCHDOG_KICK).stream()
                .map(e -> ms(e.t())).toList());
    }

    /** Plan "one": a [0,5) b [5,10); plan "two": a alone. Only "a" may switch, and only from "one" to "two". */
    private static SystemConfig plans() {
        return Rig.system(List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5))),
                Rig.partition("b", 1, List.of(aperiodic("main", 5)))), List.of(),
                List.of(Rig.plan("one", 10 * MS, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b")),
                        Rig.plan("two", 10 * MS, Rig.window(0, 0, 10 * MS, "a"))),
                List.of(), List.of(new PlanSwitchRule("one", "two", "a")));
    }

    @Test
    void permittedRequestSwitchesAtTheEndOfTheMajorFrameOthersAreDeclined() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(plans(), 30 * MS, Map.of(
                "a", p -> p.createProcess(MAIN, () -> {
                    p.timedWait(3 * MS);
                    seen.add("a to one " + p.requestPlanSwitch(ONE));
                    seen.add("a to two " + p.requestPlanSwitch(TWO) + at(p));
                    // Now "two" is the target: the rule only allows switching from "one".
                    seen.add("a to two again " + p.requestPlanSwitch(TWO));
                    // 16 ms is inside b's window in plan "one": "a" runs then only because the switch happened.
                    p.timedWait(13 * MS);
                    seen.add("a runs" + at(p));
                }).start(),
                "b", p -> p.createProcess(MAIN, () -> seen.add("b to two " + p.requestPlanSwitch(TWO) + at(p))).start()));
        assertEquals(List.of("a to one false", "a to two true@3", "a to two again false", "b to two false@5",
                "a runs@16"), seen);
        List<Rig.Ev> switches = Rig.only(Rig.trace(r), TraceEventType.PLAN_SWITCH);
        assertEquals(List.of(new Rig.Ev(0, 10 * MS, TraceEventType.PLAN_SWITCH, 0, 1, 0)), switches);
        assertEquals("two", r.summary().activePlan());
        assertEquals(List.of(), Rig.hm(r));
    }

    /** One switch taken by two cores is one plan switch; each core's share is reported apart. */
    @Test
    void aSwitchOnTwoCoresCountsOnceAndPerCoreDetailIsShownApart() throws Exception {
        SystemConfig c = Rig.system(List.of(Rig.partition("a", 0, 0, List.of(aperiodic("main", 5))),
                Rig.partition("b", 1, 1, List.of(aperiodic("main", 5)))), List.of(),
                List.of(Rig.plan("one", 10 * MS, Rig.window(0, 0, 5 * MS, "a"), Rig.window(1, 0, 5 * MS, "b")),
                        Rig.plan("two", 10 * MS, Rig.window(0, 0, 10 * MS, "a"), Rig.window(1, 0, 10 * MS, "b"))),
                List.of(), List.of(new PlanSwitchRule("one", "two", "a")));
        SimResult r = Rig.run(c, 30 * MS, Map.of("a", p -> p.createProcess(MAIN, () -> p.requestPlanSwitch(TWO)).start(),
                "b", p -> { }));
        assertEquals(2, Rig.only(Rig.trace(r), TraceEventType.PLAN_SWITCH).size(), "each core traces its switch");
        assertEquals(1, r.summary().planSwitches());
        assertEquals(List.of(1L, 1L), r.summary().planSwitchesPerCore());
        String report = r.summary().format();
        assertTrue(report.contains("plan switches 1, "), report);
        assertTrue(report.contains(System.lineSeparator() + "plan switches per core: core 0 1, core 1 1"
                + System.lineSeparator()), report);
    }

    @Test
    void unknownPlansAreRefusedReportedAndSwitchNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(plans(), 30 * MS, Map.of("b", p -> { }, "a", p -> p.createProcess(MAIN, () -> {
            p.timedWait(MS);
            seen.add("null " + attempt(() -> p.requestPlanSwitch(null)));
            seen.add("index out of range " + attempt(() -> p.requestPlanSwitch(new PlanRef("two", 2))));
            seen.add("name and index disagree " + attempt(() -> p.requestPlanSwitch(new PlanRef("two", 0))));
        }).start()));
        assertEquals(List.of("null refused", "index out of range refused", "name and index disagree refused"), seen);
        assertEquals(Rig.times(3, Rig.refusal("1", "main")), Rig.hm(r));
        assertEquals("one", r.summary().activePlan());
        assertEquals(0, r.summary().planSwitches());
    }
}
