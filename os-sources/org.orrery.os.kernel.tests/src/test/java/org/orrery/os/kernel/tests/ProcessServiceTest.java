// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.US;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.attemptGet;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.periodic;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.Semaphore;
import org.orrery.os.bsp.sim.SimResult;

/**
 * Processes: createProcess, process, currentProcess, and the handle's ref, state, priority, deadline, start,
 * stop, suspend, resume, setPriority.
 */
class ProcessServiceTest {
    private static final ProcessRef FIRST = new ProcessRef("first", 0);
    private static final ProcessRef SECOND = new ProcessRef("second", 1);

    @Test
    void processesStartedDuringInitialisationRunWhenItEnds() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("first", 20 * MS, 5), aperiodic("second", 3)), p -> {
            PartitionProcess first = p.createProcess(FIRST, () -> {
                PartitionProcess self = p.currentProcess();
                PartitionProcess second = p.process(SECOND);
                seen.add("first " + self.ref() + " " + self.state() + " priority " + self.priority() + " deadline "
                        + ms(self.deadline()) + at(p));
                seen.add("second " + second.state() + " deadline " + (second.deadline() == Partition.INFINITE));
                second.start();
                seen.add("second " + second.state() + " after start; first keeps the core" + at(p));
                p.timedWait(MS);
                seen.add("first back, second " + second.state() + at(p));
            });
            p.createProcess(SECOND, () -> seen.add("second runs" + at(p)));
            first.start();
            seen.add("init: current " + p.currentProcess() + ", first " + first.state() + ", same handle "
                    + (p.process(FIRST) == first));
            p.compute(2 * MS);
        });
        // Initialisation took 2 ms of declared compute: the processes it started are released when it ends.
        assertEquals(List.of("init: current null, first WAITING, same handle true",
                "first ProcessRef[name=first, index=0] RUNNING priority 5 deadline 22@2", "second DORMANT deadline true",
                "second READY after start; first keeps the core@2", "second runs@2", "first back, second DORMANT@3"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void stopMakesAProcessDormantAndStartRunsItsBodyAfresh() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("first", 9), aperiodic("second", 3)), p -> {
            Semaphore s = p.createSemaphore("s", 0, 1, QueuingDiscipline.FIFO);
            int[] runs = {0};
            p.createProcess(SECOND, () -> {
                runs[0]++;
                seen.add("second run " + runs[0] + at(p));
                seen.add("second acquired " + s.acquire(Partition.INFINITE) + at(p));
                p.currentProcess().stop();
                seen.add("never: a process that stops itself does not return");
            }).start();
            p.createProcess(FIRST, () -> {
                PartitionProcess second = p.process(SECOND);
                p.timedWait(2 * MS);
                second.stop();
                // The stopped process left the semaphore's queue: the unit stays.
                s.release();
                seen.add("stopped: " + second.state() + " value " + s.value() + at(p));
                p.timedWait(2 * MS);
                second.start();
                seen.add("restarted: " + second.state() + at(p));
                p.timedWait(MS);
                seen.add("second stopped itself: " + second.state() + " value " + s.value() + at(p));
            }).start();
        });
        assertEquals(List.of("second run 1@0", "stopped: DORMANT value 1@2", "restarted: READY@4", "second run 2@4",
                "second acquired true@4", "second stopped itself: DORMANT value 0@5"), seen);
    }

    @Test
    void suspendHoldsAProcessUntilResumeEvenPastItsWakeUpTime() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("first", 9), aperiodic("second", 3)), p -> {
            Semaphore s = p.createSemaphore("s", 0, 1, QueuingDiscipline.FIFO);
            p.createProcess(SECOND, () -> {
                seen.add("second" + at(p));
                p.timedWait(MS);
                seen.add("second" + at(p));
                // Suspended at 1.5 ms while waiting with a 1 ms timeout: the timeout passes at 2.5 ms, the
                // call returns only when resumed.
                seen.add("acquire " + s.acquire(MS) + at(p));
                p.currentProcess().suspend();
                seen.add("self-suspension ended" + at(p));
            }).start();
            p.createProcess(FIRST, () -> {
                PartitionProcess second = p.process(SECOND);
                p.timedWait(1500 * US);
                second.suspend();
                seen.add("suspended: " + second.state() + at(p));
                p.timedWait(3 * MS);
                second.resume();
                seen.add("resumed: " + second.state() + at(p));
                p.timedWait(MS);
                seen.add("second suspended itself: " + second.state() + at(p));
                second.resume();
            }).start();
        });
        assertEquals(List.of("second@0", "second@1", "suspended: WAITING@1.5", "resumed: READY@4.5", "acquire false@4.5",
                "second suspended itself: WAITING@5.5", "self-suspension ended@5.5"), seen);
    }

    @Test
    void setPriorityReordersTheReadyProcessesAtOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("first", 5), aperiodic("second", 3)), p -> {
            p.createProcess(SECOND, () -> seen.add("second runs at priority " + p.currentProcess().priority())).start();
            p.createProcess(FIRST, () -> {
                PartitionProcess self = p.currentProcess();
                self.setPriority(2);
                seen.add("first lowered to " + self.priority());
                self.stop();
            }).start();
        });
        assertEquals(List.of("second runs at priority 3", "first lowered to 2"), seen);
        seen.clear();
        Rig.runSolo(Rig.solo(aperiodic("first", 5), aperiodic("second", 3)), p -> {
            p.createProcess(SECOND, () -> seen.add("second runs at priority " + p.currentProcess().priority()));
            p.createProcess(FIRST, () -> {
                PartitionProcess second = p.process(SECOND);
                second.start();
                second.setPriority(9);
                seen.add("first continues");
                second.start();
                seen.add("second restarted at its base priority " + second.priority());
            }).start();
        });
        // Raised above its starter, "second" ran at once; started again, it is back at its base priority 3.
        assertEquals(List.of("second runs at priority 9", "first continues", "second restarted at its base priority 3",
                "second runs at priority 3"), seen);
    }

    @Test
    void invalidCallsAreRefusedReportedAndChangeNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("first", 5), periodic("second", 10 * MS, 0, 3),
                aperiodic("third", 1)), p -> {
            seen.add("null ref " + attempt(() -> p.createProcess(null, () -> { })));
            seen.add("index out of range " + attempt(() -> p.createProcess(new ProcessRef("first", 3), () -> { })));
            seen.add("name and index disagree " + attempt(() -> p.createProcess(new ProcessRef("first", 1), () -> { })));
            seen.add("null body " + attempt(() -> p.createProcess(FIRST, null)));
            seen.add("not created " + attempt(() -> p.process(SECOND)));
            seen.add("unknown " + attempt(() -> p.process(new ProcessRef("nobody", 0))));
            PartitionProcess third = p.createProcess(new ProcessRef("third", 2), () -> { });
            p.createProcess(SECOND, () -> { }).start();
            p.createProcess(FIRST, () -> {
                PartitionProcess self = p.currentProcess();
                PartitionProcess second = p.process(SECOND);
                seen.add("twice " + attempt(() -> p.createProcess(FIRST, () -> { })));
                seen.add("start running " + attempt(self::start) + " " + self.state());
                seen.add("stop dormant " + attempt(third::stop) + " " + third.state());
                seen.add("suspend dormant " + attempt(third::suspend) + " " + third.state());
                seen.add("resume dormant " + attempt(third::resume) + " " + third.state());
                seen.add("priority dormant " + attempt(() -> third.setPriority(7)) + " " + third.priority());
                seen.add("suspend periodic " + attempt(second::suspend) + " " + second.state());
                seen.add("resume running " + attempt(self::resume) + " " + self.state());
                seen.add("priority -1 " + attempt(() -> self.setPriority(-1)) + " " + self.priority());
                seen.add("priority 256 " + attempt(() -> self.setPriority(256)) + " " + self.priority());
                third.start();
                third.suspend();
                seen.add("suspend twice " + attempt(third::suspend) + " " + third.state());
                seen.add("still " + attemptGet(() -> p.process(FIRST).state()));
            }).start();
        });
        assertEquals(List.of("null ref refused", "index out of range refused", "name and index disagree refused",
                "null body refused", "not created refused", "unknown refused", "twice refused",
                "start running refused RUNNING", "stop dormant refused DORMANT", "suspend dormant refused DORMANT",
                "resume dormant refused DORMANT", "priority dormant refused 1", "suspend periodic refused READY",
                "resume running refused RUNNING", "priority -1 refused 5", "priority 256 refused 5",
                "suspend twice refused WAITING",
                "still ok RUNNING"), seen);
        List<String> expected = new ArrayList<>(Rig.times(6, refusal("0", "init")));
        expected.addAll(Rig.times(11, refusal("0", "first")));
        assertEquals(expected, Rig.hm(r));
    }
}
