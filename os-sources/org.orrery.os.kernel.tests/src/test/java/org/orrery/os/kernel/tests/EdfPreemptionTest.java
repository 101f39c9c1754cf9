// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.SchedulingPolicy;

/**
 * EDF inside a window: the absolute deadline alone decides, at every release and every deadline change, and the
 * priorities are chosen so that fixed-priority scheduling would do the opposite.
 */
class EdfPreemptionTest {
    private static final ProcessRef LONG = new ProcessRef("long", 0);
    private static final ProcessRef TICK = new ProcessRef("tick", 1);

    /** A periodic process recording each release and each end of its 1 ms of work, three times. */
    private static Runnable tick(Partition p, List<String> seen) {
        return () -> {
            for (int i = 0; i < 3; i++) {
                seen.add("tick" + at(p));
                p.compute(MS);
                seen.add("tick done" + at(p));
                p.periodicWait();
            }
        };
    }

    @Test
    void aReleaseWithAnEarlierDeadlinePreemptsTheRunningProcessDespiteItsLowerPriority() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(SchedulingPolicy.EDF, aperiodic("long", 50 * MS, 9),
                periodic("tick", 10 * MS, 3 * MS, 1)), p -> {
                    p.createProcess(LONG, () -> {
                        p.compute(20 * MS);
                        seen.add("long done" + at(p));
                    }).start();
                    p.createProcess(TICK, tick(p, seen)).start();
                });
        // Releases at 10 and 20 ms carry deadlines 13 and 23 < 50: "long" gives way each time, ending at 23.
        assertEquals(List.of("tick@0", "tick done@1", "tick@10", "tick done@11", "tick@20", "tick done@21",
                "long done@23"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void aReleaseWithALaterDeadlineWaitsDespiteItsHigherPriority() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(SchedulingPolicy.EDF, aperiodic("long", 15 * MS, 1),
                periodic("tick", 10 * MS, 10 * MS, 9)), p -> {
                    p.createProcess(LONG, () -> {
                        p.compute(12 * MS);
                        seen.add("long done" + at(p));
                    }).start();
                    p.createProcess(TICK, tick(p, seen)).start();
                });
        // The release at 10 ms has deadline 20, later than long's 15: it waits until long ends at 13.
        assertEquals(List.of("tick@0", "tick done@1", "long done@13", "tick@13", "tick done@14", "tick@20",
                "tick done@21"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void replenishingPastAnotherProcesssDeadlineHandsItTheCoreAtOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(SchedulingPolicy.EDF, aperiodic("first", 10 * MS, 5), aperiodic("second", 20 * MS, 5)),
                p -> {
                    p.createProcess(new ProcessRef("first", 0), () -> {
                        seen.add("first" + at(p));
                        p.replenish(30 * MS);
                        seen.add("first after replenish" + at(p));
                    }).start();
                    p.createProcess(new ProcessRef("second", 1), () -> seen.add("second" + at(p))).start();
                });
        // As with setPriority under fixed priorities: the call that makes another process more urgent yields.
        assertEquals(List.of("first@0", "second@0", "first after replenish@0"), seen);
    }
}
