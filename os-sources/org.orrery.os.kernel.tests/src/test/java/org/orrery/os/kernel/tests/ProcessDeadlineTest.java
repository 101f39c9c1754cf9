// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;

/**
 * What stop, suspend and replenish do to a process's deadline and releases (their state changes and
 * refusals: {@link ProcessServiceTest}, {@link TimeServiceTest}).
 */
class ProcessDeadlineTest {
    private static final ProcessRef WORKER = new ProcessRef("worker", 0);
    private static final ProcessRef TICK = new ProcessRef("tick", 1);
    private static final ProcessRef CTL = new ProcessRef("ctl", 2);

    /** "none" for no deadline, else the deadline in ms. */
    private static String deadline(PartitionProcess p) {
        return p.deadline() == Partition.INFINITE ? "none" : ms(p.deadline());
    }

    @Test
    void stoppingAProcessCancelsItsDeadlineAndItsReleasesAndStartGivesFreshOnes() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> releases = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.soloEvery(10 * MS, List.of(), aperiodic("worker", 5 * MS, 3),
                periodic("tick", 10 * MS, 4 * MS, 5), aperiodic("ctl", 9)), p -> {
                    // Left alone, the worker would miss its deadline at 5 ms.
                    p.createProcess(WORKER, () -> p.compute(10 * MS)).start();
                    p.createProcess(TICK, () -> {
                        while (true) {
                            releases.add(ms(p.now()));
                            p.compute(MS);
                            p.periodicWait();
                        }
                    }).start();
                    p.createProcess(CTL, () -> {
                        PartitionProcess worker = p.process(WORKER);
                        PartitionProcess tick = p.process(TICK);
                        p.timedWait(2 * MS);
                        seen.add("worker deadline " + deadline(worker) + at(p));
                        worker.stop();
                        seen.add("stopped worker " + worker.state() + " deadline " + deadline(worker));
                        p.timedWait(10 * MS);
                        tick.stop();
                        seen.add("stopped tick " + tick.state() + " deadline " + deadline(tick) + at(p));
                        p.timedWait(13 * MS);
                        tick.start();
                        seen.add("started tick deadline " + deadline(tick) + at(p));
                    }).start();
                });
        assertEquals(List.of("worker deadline 5@2", "stopped worker DORMANT deadline none",
                "stopped tick DORMANT deadline none@12", "started tick deadline none@25"), seen);
        // Released at 0 and 10; none while dormant; started again at 25, released from the partition's next window
        // on (30), every period.
        assertEquals(List.of("0", "10", "30", "40", "50", "60", "70", "80", "90"), releases);
        assertEquals(List.of(), Rig.hm(r));
        assertEquals(0, r.summary().deadlineMisses());
    }

    @Test
    void aSuspendedProcessKeepsItsDeadlineAndMissesIt() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("worker", 5 * MS, 3), aperiodic("ctl", 9)), p -> {
            p.createProcess(WORKER, () -> {
                p.compute(2 * MS);
                seen.add("worker done" + at(p));
            }).start();
            p.createProcess(new ProcessRef("ctl", 1), () -> {
                PartitionProcess worker = p.process(WORKER);
                p.timedWait(MS);
                worker.suspend();
                seen.add("suspended, deadline " + deadline(worker) + at(p));
                p.timedWait(6 * MS);
                // The miss at 5 ms used the deadline up: the rest of the work runs without one.
                seen.add("resuming, deadline " + deadline(worker) + at(p));
                worker.resume();
            }).start();
        });
        assertEquals(List.of("suspended, deadline 5@1", "resuming, deadline none@7", "worker done@8"), seen);
        assertEquals(List.of("5 a/worker DEADLINE_MISSED PROCESS LOG"), Rig.hm(r));
        assertEquals(1, r.summary().deadlineMisses());
    }

    @Test
    void replenishCanBringTheDeadlineForwardOrRemoveIt() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("worker", 10 * MS, 3), aperiodic("free", 10 * MS, 1)), p -> {
            p.createProcess(WORKER, () -> {
                p.compute(MS);
                p.replenish(2 * MS);
                seen.add("worker deadline " + deadline(p.currentProcess()) + at(p));
                p.compute(4 * MS);
                seen.add("worker done" + at(p));
            }).start();
            p.createProcess(new ProcessRef("free", 1), () -> {
                p.replenish(Partition.INFINITE);
                seen.add("free deadline " + deadline(p.currentProcess()) + at(p));
                p.compute(20 * MS);
                seen.add("free done" + at(p));
            }).start();
        });
        // The worker's deadline moved from 10 to 3 ms; "free" gave up its 10 ms deadline (it starts at 5 ms).
        assertEquals(List.of("worker deadline 3@1", "worker done@5", "free deadline none@5", "free done@25"), seen);
        assertEquals(List.of("3 a/worker DEADLINE_MISSED PROCESS LOG"), Rig.hm(r));
    }

    /**
     * The analysis counts a job that completes at its deadline as on time (response time equal to the deadline);
     * the kernel agrees, and a process that goes on computing past that instant misses it at that instant.
     */
    @Test
    void aJobThatCompletesAtItsDeadlineMeetsItAndOneThatGoesOnMissesItThen() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("worker", 6 * MS, 1), periodic("tick", 10 * MS, 4 * MS, 5)), p -> {
            p.createProcess(TICK, () -> {
                for (int i = 0; i < 2; i++) {
                    p.compute(4 * MS);
                    seen.add("tick done" + at(p));
                    p.periodicWait();
                }
            }).start();
            p.createProcess(WORKER, () -> {
                p.compute(2 * MS);
                seen.add("worker at its deadline" + at(p));
                p.compute(MS);
                seen.add("worker done" + at(p));
            }).start();
        });
        assertEquals(List.of("tick done@4", "worker at its deadline@6", "worker done@7", "tick done@14"), seen);
        assertEquals(List.of("6 a/worker DEADLINE_MISSED PROCESS LOG"), Rig.hm(r));
        assertEquals(1, r.summary().deadlineMisses());
    }

    /**
     * A job whose work ends at the very instant a more urgent process is released completes first: its response
     * time is that instant (as the analysis counts it), and the release preempts it only at its next call.
     */
    @Test
    void aJobEndingAsAMoreUrgentProcessIsReleasedCompletesBeforeItRuns() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("worker", 10 * MS, 1), periodic("tick", 10 * MS, 10 * MS, 5)), p -> {
            p.createProcess(TICK, () -> {
                for (int i = 0; i < 2; i++) {
                    seen.add("tick" + at(p));
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start();
            p.createProcess(WORKER, () -> {
                p.compute(9 * MS);
                seen.add("worker done" + at(p));
            }).start();
        });
        assertEquals(List.of("tick@0", "worker done@10", "tick@10"), seen);
        assertEquals(List.of(), Rig.hm(r), "the worker's deadline at 10 ms was met");
    }

    /** The same when the work ends with the major frame, where the partition's one window closes and reopens. */
    @Test
    void aJobEndingWithTheFrameInAWindowThatReopensCompletesOnTime() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(Rig.solo(aperiodic("worker", Rig.FRAME, 1)), 2 * Rig.FRAME, java.util.Map.of("a", p ->
                p.createProcess(WORKER, () -> {
                    p.compute(Rig.FRAME);
                    seen.add("worker done" + at(p));
                }).start()));
        assertEquals(List.of("worker done@100"), seen);
        assertEquals(List.of(), Rig.hm(r), "the worker's deadline at 100 ms was met");
    }
}
