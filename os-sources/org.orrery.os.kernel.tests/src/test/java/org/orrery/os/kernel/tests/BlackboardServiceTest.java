// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.Limits;

/** Intra-partition blackboards: createBlackboard, display, clear, read. */
class BlackboardServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    private static String text(Message m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.length(); i++) {
            sb.append(m.data()[i]);
        }
        return sb + " shown@" + ms(m.timestampNs());
    }

    @Test
    void displayedMessageStaysUntilReplacedOrCleared() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Blackboard b = p.createBlackboard("bb", 4);
            p.createProcess(MAIN, () -> {
                Message m = new Message(4);
                seen.add("empty " + b.read(m, 0));
                p.timedWait(MS);
                b.display(new byte[] {1, 2, 9}, 2);
                p.timedWait(MS);
                seen.add("read " + b.read(m, 0) + " " + text(m) + " again " + b.read(m, 0) + at(p));
                b.display(new byte[] {3}, 1);
                seen.add("replaced " + b.read(m, Partition.INFINITE) + " " + text(m) + at(p));
                b.clear();
                seen.add("cleared " + b.read(m, 0));
            }).start();
        });
        assertEquals(List.of("empty false", "read true 12 shown@1 again true@2", "replaced true 3 shown@2@2",
                "cleared false"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void displayWakesEveryWaitingReaderMostUrgentFirst() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("r1", 3), aperiodic("r2", 7), aperiodic("writer", 1)), p -> {
            Blackboard b = p.createBlackboard("bb", 4);
            p.createProcess(new ProcessRef("r1", 0), () -> {
                Message m = new Message(4);
                p.timedWait(MS);
                seen.add("r1 " + b.read(m, Partition.INFINITE) + " " + text(m) + at(p));
            }).start();
            p.createProcess(new ProcessRef("r2", 1), () -> {
                Message m = new Message(4);
                p.timedWait(2 * MS);
                seen.add("r2 " + b.read(m, 10 * MS) + " " + text(m) + at(p));
            }).start();
            p.createProcess(new ProcessRef("writer", 2), () -> {
                p.timedWait(5 * MS);
                b.display(new byte[] {4, 2}, 2);
                seen.add("writer continues" + at(p));
            }).start();
        });
        assertEquals(List.of("r2 true 42 shown@5@5", "r1 true 42 shown@5@5", "writer continues@5"), seen);
    }

    @Test
    void readTimesOutAtTheExactInstant() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Blackboard b = p.createBlackboard("bb", 4);
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("read " + b.read(new Message(4), 3 * MS) + at(p));
            }).start();
        });
        assertEquals(List.of("read false@4"), seen);
    }

    /** ARINC 653 DISPLAY_BLACKBOARD hands the message to every waiting reader, even if cleared before they run. */
    @Test
    void readersWokenByDisplayGetTheMessageEvenIfItIsClearedBeforeTheyRun() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("reader", 3), aperiodic("flasher", 9)), p -> {
            Blackboard b = p.createBlackboard("bb", 4);
            p.createProcess(new ProcessRef("reader", 0), () -> {
                Message m = new Message(4);
                seen.add("reader " + b.read(m, 10 * MS) + " " + text(m) + at(p));
            }).start();
            p.createProcess(new ProcessRef("flasher", 1), () -> {
                p.timedWait(5 * MS);
                b.display(new byte[] {6}, 1);
                b.clear();
                seen.add("flashed" + at(p));
            }).start();
        });
        assertEquals(List.of("flashed@5", "reader true 6 shown@5@5"), seen);
    }

    @Test
    void invalidCallsAreRefusedReportedAndChangeNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            seen.add("null name " + attempt(() -> p.createBlackboard(null, 4)));
            seen.add("size 0 " + attempt(() -> p.createBlackboard("bb", 0)));
            seen.add("size > max " + attempt(() -> p.createBlackboard("bb", (int) Limits.MAX_MESSAGE_SIZE + 1)));
            Blackboard b = p.createBlackboard("bb", 4);
            seen.add("block in init " + attempt(() -> b.read(new Message(4), MS)));
            b.display(new byte[] {7}, 1);
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("create late " + attempt(() -> p.createBlackboard("late", 4)));
                seen.add("null data " + attempt(() -> b.display(null, 1)));
                seen.add("length 0 " + attempt(() -> b.display(new byte[4], 0)));
                seen.add("over max " + attempt(() -> b.display(new byte[5], 5)));
                seen.add("over array " + attempt(() -> b.display(new byte[1], 2)));
                seen.add("null into " + attempt(() -> b.read(null, 0)));
                seen.add("small into " + attempt(() -> b.read(new Message(3), 0)));
                seen.add("negative timeout " + attempt(() -> b.read(new Message(4), -1)));
                Message m = new Message(4);
                seen.add("unchanged " + b.read(m, 0) + " " + text(m));
            }).start();
        });
        assertEquals(List.of("null name refused", "size 0 refused", "size > max refused", "block in init refused",
                "create late refused", "null data refused", "length 0 refused", "over max refused",
                "over array refused", "null into refused", "small into refused", "negative timeout refused",
                "unchanged true 7 shown@0"), seen);
        List<String> expected = new ArrayList<>(Rig.times(4, refusal("0", "init")));
        expected.addAll(Rig.times(8, refusal("1", "main")));
        assertEquals(expected, Rig.hm(r));
    }
}
