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
import org.orrery.os.api.Event;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;

/** Intra-partition events: createEvent, set, reset, await, isSet. */
class EventServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    @Test
    void eventStaysUpUntilResetAndAwaitOnAnUpEventDoesNotWait() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Event e = p.createEvent("e");
            p.createProcess(MAIN, () -> {
                seen.add("initially " + e.isSet() + " poll " + e.await(0));
                e.set();
                seen.add("set " + e.isSet() + " poll " + e.await(0) + " wait " + e.await(Partition.INFINITE) + at(p));
                e.set();
                e.reset();
                seen.add("reset " + e.isSet() + " poll " + e.await(0) + at(p));
            }).start();
        });
        assertEquals(List.of("initially false poll false", "set true poll true wait true@0", "reset false poll false@0"),
                seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void setWakesEveryWaiterAtOnceMostUrgentFirst() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("w1", 3), aperiodic("w2", 7), aperiodic("setter", 1)), p -> {
            Event e = p.createEvent("e");
            p.createProcess(new ProcessRef("w1", 0), () -> {
                p.timedWait(MS);
                seen.add("w1 " + e.await(Partition.INFINITE) + at(p));
            }).start();
            p.createProcess(new ProcessRef("w2", 1), () -> {
                p.timedWait(2 * MS);
                seen.add("w2 " + e.await(10 * MS) + at(p));
            }).start();
            p.createProcess(new ProcessRef("setter", 2), () -> {
                p.timedWait(5 * MS);
                seen.add("set" + at(p));
                e.set();
                seen.add("setter continues" + at(p));
            }).start();
        });
        assertEquals(List.of("set@5", "w2 true@5", "w1 true@5", "setter continues@5"), seen);
    }

    @Test
    void awaitTimesOutAtTheExactInstant() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Event e = p.createEvent("e");
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("await " + e.await(2 * MS) + at(p));
            }).start();
        });
        assertEquals(List.of("await false@3"), seen);
    }

    /** ARINC 653 SET_EVENT readies every waiting process; a reset before they run must not put them back. */
    @Test
    void waitersWokenBySetReturnEvenIfTheEventIsResetBeforeTheyRun() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("waiter", 3), aperiodic("pulser", 9)), p -> {
            Event e = p.createEvent("e");
            p.createProcess(new ProcessRef("waiter", 0), () -> seen.add("waiter " + e.await(10 * MS) + at(p))).start();
            p.createProcess(new ProcessRef("pulser", 1), () -> {
                p.timedWait(5 * MS);
                e.set();
                e.reset();
                seen.add("pulsed" + at(p));
            }).start();
        });
        assertEquals(List.of("pulsed@5", "waiter true@5"), seen);
    }

    @Test
    void invalidCallsAreRefusedReportedAndChangeNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            seen.add("null name " + attempt(() -> p.createEvent(null)));
            Event e = p.createEvent("e");
            seen.add("block in init " + attempt(() -> e.await(MS)));
            e.set();
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("create late " + attempt(() -> p.createEvent("late")));
                seen.add("negative timeout " + attempt(() -> e.await(-1)) + " still set " + e.isSet());
            }).start();
        });
        assertEquals(List.of("null name refused", "block in init refused", "create late refused",
                "negative timeout refused still set true"), seen);
        assertEquals(List.of(refusal("0", "init"), refusal("0", "init"), refusal("1", "main"), refusal("1", "main")),
                Rig.hm(r));
    }
}
