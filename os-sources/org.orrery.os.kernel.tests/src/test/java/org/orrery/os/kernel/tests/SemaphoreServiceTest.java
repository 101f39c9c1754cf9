// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.Semaphore;
import org.orrery.os.bsp.sim.SimResult;

/** Intra-partition counting semaphores: createSemaphore, acquire, release, value. */
class SemaphoreServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    @Test
    void acquireTakesUnitsAndReleaseGivesThemBackUpToTheMaximum() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Semaphore s = p.createSemaphore("s", 2, 3, QueuingDiscipline.FIFO);
            p.createProcess(MAIN, () -> {
                seen.add("value " + s.value());
                seen.add("acquire " + s.acquire(0) + " " + s.acquire(0) + " value " + s.value());
                // No unit left: a poll (timeout 0) fails at once instead of waiting.
                seen.add("poll " + s.acquire(0) + at(p));
                s.release();
                s.release();
                s.release();
                seen.add("value " + s.value());
            }).start();
        });
        assertEquals(List.of("value 2", "acquire true true value 0", "poll false@0", "value 3"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void waiterGetsTheUnitAtTheReleaseInstantAndPreemptsALessUrgentReleaser() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("hi", 9), aperiodic("lo", 1)), p -> {
            Semaphore s = p.createSemaphore("s", 0, 1, QueuingDiscipline.FIFO);
            p.createProcess(new ProcessRef("hi", 0), () -> {
                seen.add("hi waits" + at(p));
                seen.add("hi " + s.acquire(Partition.INFINITE) + at(p));
            }).start();
            p.createProcess(new ProcessRef("lo", 1), () -> {
                p.timedWait(4 * MS);
                seen.add("lo releases" + at(p));
                s.release();
                seen.add("lo released, value " + s.value() + at(p));
            }).start();
        });
        assertEquals(List.of("hi waits@0", "lo releases@4", "hi true@4", "lo released, value 0@4"), seen);
    }

    @Test
    void acquireTimesOutAtTheExactInstant() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Semaphore s = p.createSemaphore("s", 0, 1, QueuingDiscipline.PRIORITY);
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("acquire " + s.acquire(3 * MS) + at(p) + " value " + s.value());
            }).start();
        });
        assertEquals(List.of("acquire false@4 value 0"), seen);
    }

    /** "low" (priority 2), "high" (8), "mid" (5) start waiting at 1, 2, 3 ms; the least urgent releases 3 units at 5 ms. */
    private static List<String> wakeOrder(QueuingDiscipline discipline) throws Exception {
        List<String> seen = new ArrayList<>();
        String[] names = {"low", "high", "mid"};
        Rig.runSolo(Rig.solo(aperiodic("low", 2), aperiodic("high", 8), aperiodic("mid", 5), aperiodic("last", 1)), p -> {
            Semaphore s = p.createSemaphore("s", 0, 3, discipline);
            for (int i = 0; i < 3; i++) {
                String name = names[i];
                long delay = (i + 1) * MS;
                p.createProcess(new ProcessRef(name, i), () -> {
                    p.timedWait(delay);
                    s.acquire(Partition.INFINITE);
                    seen.add(name + at(p));
                }).start();
            }
            p.createProcess(new ProcessRef("last", 3), () -> {
                p.timedWait(5 * MS);
                for (int i = 0; i < 3; i++) {
                    seen.add("release");
                    s.release();
                }
            }).start();
        });
        return seen;
    }

    @Test
    void fifoSemaphoresWakeWaitersInArrivalOrder() throws Exception {
        assertEquals(List.of("release", "low@5", "release", "high@5", "release", "mid@5"),
                wakeOrder(QueuingDiscipline.FIFO));
    }

    @Test
    void prioritySemaphoresWakeTheMostUrgentWaiterFirst() throws Exception {
        assertEquals(List.of("release", "high@5", "release", "mid@5", "release", "low@5"),
                wakeOrder(QueuingDiscipline.PRIORITY));
    }

    /**
     * ARINC 653 SIGNAL_SEMAPHORE with processes waiting readies the first one and leaves the value alone: a
     * more urgent releaser cannot take the unit back before the waiter runs, and two releases serve two waiters.
     */
    @Test
    void releaseHandsTheUnitToTheFirstWaiter() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("w1", 3), aperiodic("w2", 3), aperiodic("releaser", 9)), p -> {
            Semaphore s = p.createSemaphore("s", 0, 2, QueuingDiscipline.FIFO);
            p.createProcess(new ProcessRef("w1", 0), () -> {
                p.timedWait(MS);
                seen.add("w1 " + s.acquire(20 * MS) + at(p));
            }).start();
            p.createProcess(new ProcessRef("w2", 1), () -> {
                p.timedWait(2 * MS);
                seen.add("w2 " + s.acquire(20 * MS) + at(p));
            }).start();
            p.createProcess(new ProcessRef("releaser", 2), () -> {
                p.timedWait(5 * MS);
                s.release();
                seen.add("releaser takes it back " + s.acquire(0) + ", value " + s.value());
                s.release();
                seen.add("value " + s.value());
            }).start();
        });
        assertEquals(List.of("releaser takes it back false, value 0", "value 0", "w1 true@5", "w2 true@5"), seen);
    }

    @Test
    void invalidCallsAreRefusedReportedAndChangeNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            seen.add("null name " + attempt(() -> p.createSemaphore(null, 0, 1, QueuingDiscipline.FIFO)));
            seen.add("max 0 " + attempt(() -> p.createSemaphore("s", 0, 0, QueuingDiscipline.FIFO)));
            seen.add("negative " + attempt(() -> p.createSemaphore("s", -1, 1, QueuingDiscipline.FIFO)));
            seen.add("above max " + attempt(() -> p.createSemaphore("s", 2, 1, QueuingDiscipline.FIFO)));
            seen.add("no discipline " + attempt(() -> p.createSemaphore("s", 0, 1, null)));
            Semaphore s = p.createSemaphore("s", 1, 1, QueuingDiscipline.FIFO);
            seen.add("block in init " + attempt(() -> s.acquire(MS)) + " value " + s.value());
            p.createProcess(MAIN, () -> {
                p.timedWait(2 * MS);
                seen.add("create late " + attempt(() -> p.createSemaphore("late", 0, 1, QueuingDiscipline.FIFO)));
                seen.add("release at max " + attempt(s::release) + " value " + s.value());
                seen.add("negative timeout " + attempt(() -> s.acquire(-1)) + " value " + s.value());
            }).start();
        });
        assertEquals(List.of("null name refused", "max 0 refused", "negative refused", "above max refused",
                "no discipline refused", "block in init refused value 1", "create late refused",
                "release at max refused value 1", "negative timeout refused value 1"), seen);
        List<String> expected = new ArrayList<>(Rig.times(6, refusal("0", "init")));
        expected.addAll(Rig.times(3, refusal("2", "main")));
        assertEquals(expected, Rig.hm(r));
    }
}
