// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.kernel.NeverRan;

/**
 * A partition that never completes its initialisation never runs its processes: their releases are deadline
 * misses in the run summary, with a line saying which partition and why, never "deadline misses 0".
 */
class NeverRanTest {
    private static final PartitionApplication PERIODIC_WORK = p -> p.createProcess(
            new org.orrery.os.api.ProcessRef("tick", 0), () -> {
                while (true) {
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start();

    @Test
    void aPartitionWithoutAWindowInThePlanCountsEveryReleaseOfItsPeriodicProcessesAsAMiss() throws Exception {
        SimResult r = Rig.run(Rig.system(List.of(
                Rig.partition("a", 0, List.of(periodic("tick", 10 * MS, 10 * MS, 5))),
                Rig.partition("b", 1, List.of(periodic("tick", 10 * MS, 10 * MS, 5), periodic("slow", 40 * MS,
                        40 * MS, 4), aperiodic("free", 3), periodic("nodeadline", 10 * MS, 0, 2)))),
                List.of(), List.of(Rig.plan("main", 20 * MS, Rig.window(0, 0, 20 * MS, "a")),
                        Rig.plan("later", 20 * MS, Rig.window(0, 0, 20 * MS, "b"))),
                List.of(), List.of()), 100 * MS, Map.of("a", PERIODIC_WORK, "b", PERIODIC_WORK));
        // b's tick: 10 releases due in 100 ms, slow: 2, the one without a deadline 10 (each job is due before the
        // next release); the aperiodic process has nothing due.
        assertEquals(List.of(new NeverRan("b", PartitionMode.COLD_START, 0, 3, 22)), r.summary().neverRan());
        assertEquals(22, r.summary().deadlineMisses());
        String text = r.summary().format();
        assertTrue(text.contains("deadline misses 22"), text);
        assertTrue(text.contains("b never reached NORMAL (COLD_START; no window of it opened in the plans the run "
                + "went through): 22 releases of 3 periodic processes counted as deadline misses"), text);
    }

    @Test
    void aPartitionWhoseInitialisationNeverEndsCountsItsWindows() throws Exception {
        PartitionApplication endless = p -> p.compute(Long.MAX_VALUE / 4);
        SimResult r = Rig.run(Rig.system(List.of(
                Rig.partition("a", 0, List.of(periodic("tick", 20 * MS, 20 * MS, 5)))),
                List.of(), List.of(Rig.plan("main", 20 * MS, Rig.window(0, 0, 10 * MS, "a"))),
                List.of(), List.of()), 100 * MS, Map.of("a", endless));
        assertEquals(List.of(new NeverRan("a", PartitionMode.COLD_START, 5, 1, 5)), r.summary().neverRan());
        assertTrue(r.summary().format().contains("its initialisation never completed in 5 windows"),
                r.summary().format());
    }

    @Test
    void partitionsThatRanAddNothing() throws Exception {
        SimResult r = Rig.run(Rig.system(List.of(
                Rig.partition("a", 0, List.of(periodic("tick", 10 * MS, 10 * MS, 5)))),
                List.of(), List.of(Rig.plan("main", 20 * MS, Rig.window(0, 0, 20 * MS, "a"))),
                List.of(), List.of()), 100 * MS, Map.of("a", PERIODIC_WORK));
        assertEquals(List.of(), r.summary().neverRan());
        assertEquals(0, r.summary().deadlineMisses());
    }
}
