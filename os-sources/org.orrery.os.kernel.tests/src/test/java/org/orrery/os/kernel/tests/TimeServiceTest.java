// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.US;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.periodic;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.SystemConfig;

/** Time services: now, timedWait, periodicWait, compute, replenish. */
class TimeServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    @Test
    void timedWaitWakesAtTheExactInstantAndZeroYieldsOnlyToEqualPriority() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("a", 5), aperiodic("b", 5), aperiodic("c", 1)), p -> {
            p.createProcess(new ProcessRef("a", 0), () -> {
                seen.add("a1" + at(p));
                p.timedWait(0);
                seen.add("a2" + at(p));
                p.timedWait(1500 * US);
                seen.add("a3" + at(p));
            }).start();
            p.createProcess(new ProcessRef("b", 1), () -> {
                seen.add("b1" + at(p));
                p.timedWait(0);
                seen.add("b2" + at(p));
            }).start();
            p.createProcess(new ProcessRef("c", 2), () -> seen.add("c" + at(p))).start();
        });
        assertEquals(List.of("a1@0", "b1@0", "a2@0", "b2@0", "c@0", "a3@1.5"), seen);
    }

    @Test
    void periodicProcessIsReleasedAtItsPartitionsNextWindowThenEveryPeriodWithAFreshDeadline() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.soloEvery(10 * MS, List.of(), periodic("tick", 10 * MS, 8 * MS, 5), aperiodic("starter", 1)),
                p -> {
                    PartitionProcess tick = p.createProcess(new ProcessRef("tick", 0), () -> {
                        for (int i = 0; i < 3; i++) {
                            seen.add("tick" + at(p) + " deadline " + ms(p.currentProcess().deadline()));
                            p.compute(2 * MS);
                            p.periodicWait();
                        }
                    });
                    p.createProcess(new ProcessRef("starter", 1), () -> {
                        p.timedWait(3 * MS);
                        tick.start();
                        // started mid-window: released when the partition's window opens again, no deadline before
                        seen.add("started " + (tick.deadline() == Partition.INFINITE) + " " + tick.state() + at(p));
                        // "tick" preempted the starter from 10 to 12 ms; at 14 ms it waits for its next release,
                        // which carries no deadline either.
                        p.timedWait(11 * MS);
                        seen.add("between releases " + (tick.deadline() == Partition.INFINITE) + " " + tick.state()
                                + at(p));
                    }).start();
                });
        assertEquals(List.of("started true WAITING@3", "tick@10 deadline 18", "between releases true WAITING@14",
                "tick@20 deadline 28", "tick@30 deadline 38"), seen);
    }

    @Test
    void computeAndTimersAdvanceOnlyInsideThePartitionsWindows() throws Exception {
        SystemConfig c = Rig.system(List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5))),
                Rig.partition("b", 1, List.of())), List.of(),
                List.of(Rig.plan("main", 10 * MS, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b"))),
                List.of(), List.of());
        List<String> seen = new ArrayList<>();
        Rig.run(c, 30 * MS, Map.of("b", p -> { }, "a", p -> p.createProcess(MAIN, () -> {
            p.timedWait(MS);
            // 4 ms fit before the window closes at 5 ms; the other 3 ms run from 10 ms.
            p.compute(7 * MS);
            seen.add("computed" + at(p));
            // Due at 18 ms, while "b" has the core: it runs when "a"'s next window opens.
            p.timedWait(5 * MS);
            seen.add("woke" + at(p));
        }).start()));
        assertEquals(List.of("computed@13", "woke@20"), seen);
    }

    @Test
    void replenishMovesTheDeadlineAndAvoidsTheMiss() throws Exception {
        List<String> seen = new ArrayList<>();
        for (boolean replenish : new boolean[] {true, false}) {
            SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5 * MS, 5)), p -> p.createProcess(MAIN, () -> {
                p.compute(3 * MS);
                if (replenish) {
                    p.replenish(5 * MS);
                }
                seen.add("deadline " + ms(p.currentProcess().deadline()) + at(p));
                p.compute(4 * MS);
                seen.add("done" + at(p));
            }).start());
            seen.addAll(Rig.hm(r));
        }
        assertEquals(List.of("deadline 8@3", "done@7", "deadline 5@3", "done@7", "5 a/main DEADLINE_MISSED PROCESS LOG"),
                seen);
    }

    @Test
    void invalidCallsAreRefusedReportedAndChangeNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5), periodic("tick", 10 * MS, 4 * MS, 3)), p -> {
            seen.add("wait in init " + attempt(() -> p.timedWait(MS)) + at(p));
            seen.add("periodic wait in init " + attempt(p::periodicWait) + at(p));
            seen.add("replenish in init " + attempt(() -> p.replenish(MS)));
            p.createProcess(MAIN, () -> {
                seen.add("negative wait " + attempt(() -> p.timedWait(-1)) + at(p));
                seen.add("aperiodic periodic wait " + attempt(p::periodicWait) + at(p));
                seen.add("negative compute " + attempt(() -> p.compute(-1)) + at(p));
                seen.add("negative budget " + attempt(() -> p.replenish(-1)) + " deadline "
                        + (p.currentProcess().deadline() == Partition.INFINITE));
            }).start();
            p.createProcess(new ProcessRef("tick", 1), () -> {
                p.replenish(10 * MS);
                seen.add("up to the next release: deadline " + ms(p.currentProcess().deadline()));
                seen.add("beyond " + attempt(() -> p.replenish(10 * MS + 1)) + " deadline "
                        + ms(p.currentProcess().deadline()));
            }).start();
        });
        assertEquals(List.of("wait in init refused@0", "periodic wait in init refused@0", "replenish in init refused",
                "negative wait refused@0", "aperiodic periodic wait refused@0", "negative compute refused@0",
                "negative budget refused deadline true", "up to the next release: deadline 10", "beyond refused deadline 10"),
                seen);
        List<String> expected = new ArrayList<>(Rig.times(3, refusal("0", "init")));
        expected.addAll(Rig.times(4, refusal("0", "main")));
        expected.add(refusal("0", "tick"));
        assertEquals(expected, Rig.hm(r));
    }
}
