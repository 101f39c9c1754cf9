// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.US;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;

/**
 * ARINC 653's first release point (SET_PARTITION_MODE to NORMAL, START): a periodic process's first release is its
 * partition's next periodic processing start, here the next opening of one of its windows; an aperiodic process is
 * released at once.
 */
class FirstReleaseTest {
    private static final ProcessRef TICK = new ProcessRef("tick", 0);
    private static final ProcessRef ONCE = new ProcessRef("once", 1);

    /** Starts "tick" (periodic) and "once" (aperiodic), computes {@code initNs}, then sets NORMAL mode. */
    private static PartitionApplication app(List<String> seen, long initNs) {
        return p -> {
            p.createProcess(TICK, () -> {
                while (true) {
                    seen.add("tick" + at(p) + " deadline " + Rig.ms(p.currentProcess().deadline()));
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start();
            p.createProcess(ONCE, () -> seen.add("once" + at(p))).start();
            if (initNs > 0) {
                p.compute(initNs);
            }
            seen.add("normal" + at(p));
            p.setMode(PartitionMode.NORMAL);
        };
    }

    @Test
    void aPeriodicProcessStartedDuringInitialisationIsFirstReleasedAtTheWindowAfterNormalMode() throws Exception {
        // "a" in [0,3) and [5,7) of a 10 ms frame, "b" between them.
        SystemConfig c = Rig.system(List.of(Rig.partition("a", 0, List.of(periodic("tick", 10 * MS, 4 * MS, 5),
                aperiodic("once", 3))), Rig.partition("b", 1, List.of())), List.of(), List.of(Rig.plan("main", 10 * MS,
                        Rig.window(0, 0, 3 * MS, "a"), Rig.window(0, 3 * MS, 2 * MS, "b"), Rig.window(0, 5 * MS, 2 * MS,
                                "a"), Rig.window(0, 7 * MS, 3 * MS, "b"))), List.of(), List.of());
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(c, 30 * MS, Map.of("a", app(seen, MS), "b", p -> { }));
        assertEquals(List.of("normal@1", "once@1", "tick@5 deadline 9", "tick@15 deadline 19", "tick@25 deadline 29"),
                seen);
        assertEquals(0, r.summary().deadlineMisses());
    }

    @Test
    void theWindowOpeningAtTheInstantOfNormalModeCountsAndTheEarliestWindowOverAllCoresIsTaken() throws Exception {
        // "a" on two cores: [4,5) on core 1, [6,8) on core 0 of a 10 ms frame.
        PartitionConfig a = new PartitionConfig("a", 0, List.of(0, 1), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test.a", "", 0, List.of(periodic("tick", 10 * MS, 4 * MS, 5),
                        aperiodic("once", 3)), List.of());
        SystemConfig c = Rig.system(List.of(a), List.of(), List.of(Rig.plan("main", 10 * MS,
                Rig.window(1, 4 * MS, MS, "a"), Rig.window(0, 6 * MS, 2 * MS, "a"))), List.of(), List.of());
        List<String> atOpening = new ArrayList<>();
        Rig.run(c, 20 * MS, Map.of("a", app(atOpening, 0)));
        // initialisation ends as its first window opens (4 ms): released at once, then every period ("once", of
        // lower priority, waits for the core until "tick" has computed to the end of that window)
        assertEquals(List.of("normal@4", "tick@4 deadline 8", "once@6", "tick@14 deadline 18"), atOpening);

        List<String> later = new ArrayList<>();
        Rig.run(c, 20 * MS, Map.of("a", app(later, 500 * US)));
        // NORMAL at 4.5 ms on core 1: core 0's window at 6 ms comes before core 1's next one at 14 ms
        assertEquals(List.of("normal@4.5", "once@4.5", "tick@6 deadline 10", "tick@16 deadline 20"), later);
    }

    @Test
    void afterARequestedPlanSwitchTheNextFramesPlanDecidesTheWindow() throws Exception {
        // Plan "one": "a" in [0,5) of 10 ms; plan "two": "a" in [7,9). "a" asks for "two" at 1 ms, which takes effect
        // at 10 ms, and then starts "tick": its first release is a's window of "two", at 17 ms, not 10 ms.
        SystemConfig c = Rig.system(List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5),
                periodic("tick", 10 * MS, 4 * MS, 3))), Rig.partition("b", 1, List.of())), List.of(), List.of(
                        Rig.plan("one", 10 * MS, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b")),
                        Rig.plan("two", 10 * MS, Rig.window(0, 0, 7 * MS, "b"), Rig.window(0, 7 * MS, 2 * MS, "a"))),
                List.of(), List.of(new PlanSwitchRule("one", "two", "a")));
        List<String> seen = new ArrayList<>();
        Rig.run(c, 30 * MS, Map.of("a", p -> {
            PartitionProcess tick = p.createProcess(new ProcessRef("tick", 1), () -> {
                while (true) {
                    seen.add("tick" + at(p) + " deadline " + Rig.ms(p.currentProcess().deadline()));
                    p.periodicWait();
                }
            });
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.timedWait(MS);
                seen.add("switch " + p.requestPlanSwitch(new PlanRef("two", 1)) + at(p));
                tick.start();
                seen.add("started " + tick.state() + at(p));
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }, "b", p -> { }));
        assertEquals(List.of("switch true@1", "started WAITING@1", "tick@17 deadline 21",
                "tick@27 deadline 31"), seen);
    }
}
