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
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.Limits;

/** Intra-partition buffers: createBuffer, send, receive, pending. */
class BufferServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    @Test
    void messagesComeOutInSendOrderAndZeroTimeoutNeverBlocks() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            Buffer b = p.createBuffer("buf", 4, 2, QueuingDiscipline.FIFO);
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("send " + b.send(new byte[] {1}, 1, 0));
                p.timedWait(MS);
                // Only the first two bytes of the array are the message.
                seen.add("send " + b.send(new byte[] {2, 2, 9}, 2, 0));
                seen.add("full " + b.send(new byte[] {3}, 1, 0) + " pending " + b.pending() + at(p));
                Message m = new Message(4);
                seen.add("recv " + b.receive(m, 0) + " " + m.data()[0] + " len " + m.length() + " sent@" + ms(m.timestampNs()));
                seen.add("recv " + b.receive(m, 0) + " " + m.data()[0] + m.data()[1] + " len " + m.length() + " sent@"
                        + ms(m.timestampNs()));
                seen.add("empty " + b.receive(m, 0) + " pending " + b.pending() + at(p));
            }).start();
        });
        assertEquals(List.of("send true", "send true", "full false pending 2@2", "recv true 1 len 1 sent@1",
                "recv true 22 len 2 sent@2", "empty false pending 0@2"), seen);
        // Full and empty are outcomes, not errors.
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void waitingReceiverTakesTheMessageAtTheSendInstantAndPreemptsALessUrgentSender() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("rx", 9), aperiodic("tx", 1)), p -> {
            Buffer b = p.createBuffer("buf", 4, 1, QueuingDiscipline.FIFO);
            p.createProcess(new ProcessRef("rx", 0), () -> {
                Message m = new Message(4);
                seen.add("rx waits" + at(p));
                seen.add("rx " + b.receive(m, Partition.INFINITE) + " " + m.data()[0] + at(p));
            }).start();
            p.createProcess(new ProcessRef("tx", 1), () -> {
                p.timedWait(3 * MS);
                seen.add("rx is " + p.process(new ProcessRef("rx", 0)).state());
                b.send(new byte[] {7}, 1, 0);
                seen.add("tx sent" + at(p));
            }).start();
        });
        assertEquals(List.of("rx waits@0", "rx is WAITING", "rx true 7@3", "tx sent@3"), seen);
    }

    @Test
    void receiveTimesOutAtTheExactInstantAndLeavesLaterMessagesQueued() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("rx", 9), aperiodic("tx", 1)), p -> {
            Buffer b = p.createBuffer("buf", 4, 1, QueuingDiscipline.FIFO);
            p.createProcess(new ProcessRef("rx", 0), () -> {
                p.timedWait(MS);
                seen.add("rx " + b.receive(new Message(4), 2500 * US) + at(p));
            }).start();
            p.createProcess(new ProcessRef("tx", 1), () -> {
                p.timedWait(5 * MS);
                b.send(new byte[] {7}, 1, 0);
                seen.add("pending " + b.pending() + at(p));
            }).start();
        });
        assertEquals(List.of("rx false@3.5", "pending 1@5"), seen);
    }

    @Test
    void fullBufferHoldsTheSenderUntilThereIsRoomOrItsTimeoutEnds() throws Exception {
        List<String> seen = new ArrayList<>();
        Rig.runSolo(Rig.solo(aperiodic("tx", 5), aperiodic("rx", 3)), p -> {
            Buffer b = p.createBuffer("buf", 4, 1, QueuingDiscipline.FIFO);
            p.createProcess(new ProcessRef("tx", 0), () -> {
                seen.add("send1 " + b.send(new byte[] {1}, 1, 0) + at(p));
                seen.add("send2 " + b.send(new byte[] {2}, 1, 4 * MS) + at(p));
                seen.add("send3 " + b.send(new byte[] {3}, 1, MS) + at(p));
                seen.add("send4 " + b.send(new byte[] {4}, 1, Partition.INFINITE) + at(p));
            }).start();
            p.createProcess(new ProcessRef("rx", 1), () -> {
                Message m = new Message(4);
                p.timedWait(2 * MS);
                b.receive(m, 0);
                seen.add("got " + m.data()[0] + at(p));
                p.timedWait(4 * MS);
                while (b.receive(m, 0)) {
                    seen.add("got " + m.data()[0] + at(p));
                }
            }).start();
        });
        // Room made by the less urgent receiver lets the sender run at once (it preempts the receiver);
        // send3's 1 ms ends at 3 ms with the buffer still full.
        assertEquals(List.of("send1 true@0", "send2 true@2", "got 1@2", "send3 false@3", "send4 true@6", "got 2@6",
                "got 4@6"), seen);
    }

    /**
     * Receivers "low" (priority 2), "high" (8) and "mid" (5) start waiting at 1, 2 and 3 ms; at 5 ms the least
     * urgent process sends three messages. Then senders of the same priorities wait on a full buffer in the
     * same order and a least urgent receiver drains it.
     */
    private static List<String> serviceOrder(QueuingDiscipline discipline) throws Exception {
        List<String> seen = new ArrayList<>();
        String[] names = {"low", "high", "mid"};
        Rig.runSolo(Rig.solo(aperiodic("low", 2), aperiodic("high", 8), aperiodic("mid", 5), aperiodic("last", 1)), p -> {
            Buffer in = p.createBuffer("in", 4, 4, discipline);
            Buffer out = p.createBuffer("out", 4, 1, discipline);
            out.send(new byte[] {0}, 1, 0);
            for (int i = 0; i < 3; i++) {
                String name = names[i];
                long delay = (i + 1) * MS;
                p.createProcess(new ProcessRef(name, i), () -> {
                    p.timedWait(delay);
                    Message m = new Message(4);
                    in.receive(m, Partition.INFINITE);
                    seen.add(name + " got " + m.data()[0]);
                    p.timedWait(10 * MS - p.now() + delay);
                    out.send(new byte[] {(byte) name.charAt(0)}, 1, Partition.INFINITE);
                }).start();
            }
            p.createProcess(new ProcessRef("last", 3), () -> {
                p.timedWait(5 * MS);
                for (byte v = 1; v <= 3; v++) {
                    in.send(new byte[] {v}, 1, 0);
                }
                p.timedWait(10 * MS);
                Message m = new Message(4);
                StringBuilder order = new StringBuilder("out");
                while (out.receive(m, 0)) {
                    order.append(' ').append(m.data()[0] == 0 ? "0" : String.valueOf((char) m.data()[0]));
                }
                seen.add(order + at(p));
            }).start();
        });
        return seen;
    }

    @Test
    void fifoBuffersServeWaitingProcessesInArrivalOrder() throws Exception {
        assertEquals(List.of("low got 1", "high got 2", "mid got 3", "out 0 l h m@15"),
                serviceOrder(QueuingDiscipline.FIFO));
    }

    @Test
    void priorityBuffersServeTheMostUrgentWaitingProcessFirst() throws Exception {
        assertEquals(List.of("high got 1", "mid got 2", "low got 3", "out 0 h m l@15"),
                serviceOrder(QueuingDiscipline.PRIORITY));
    }

    @Test
    void invalidCallsAreRefusedReportedAndChangeNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            int max = (int) Limits.MAX_MESSAGE_SIZE;
            seen.add("null name " + attempt(() -> p.createBuffer(null, 4, 1, QueuingDiscipline.FIFO)));
            seen.add("size 0 " + attempt(() -> p.createBuffer("b", 0, 1, QueuingDiscipline.FIFO)));
            seen.add("size > max " + attempt(() -> p.createBuffer("b", max + 1, 1, QueuingDiscipline.FIFO)));
            seen.add("depth 0 " + attempt(() -> p.createBuffer("b", 4, 0, QueuingDiscipline.FIFO)));
            seen.add("depth > max " + attempt(() -> p.createBuffer("b", 4, Limits.MAX_QUEUE_DEPTH + 1,
                    QueuingDiscipline.FIFO)));
            seen.add("no discipline " + attempt(() -> p.createBuffer("b", 4, 1, null)));
            Buffer b = p.createBuffer("buf", 4, 2, QueuingDiscipline.FIFO);
            // Initialisation may use a buffer but not block on it, even when the call would not have to wait.
            seen.add("block in init " + attempt(() -> b.send(new byte[] {1}, 1, MS)) + " pending " + b.pending());
            seen.add("poll in init " + attemptGet(() -> b.send(new byte[] {42}, 1, 0)) + " pending " + b.pending());
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                seen.add("create late " + attempt(() -> p.createBuffer("late", 4, 1, QueuingDiscipline.FIFO)));
                seen.add("null data " + attempt(() -> b.send(null, 1, 0)));
                seen.add("length 0 " + attempt(() -> b.send(new byte[4], 0, 0)));
                seen.add("over max " + attempt(() -> b.send(new byte[8], 5, 0)));
                seen.add("over array " + attempt(() -> b.send(new byte[2], 3, 0)));
                seen.add("negative timeout " + attempt(() -> b.send(new byte[] {1}, 1, -1)));
                seen.add("pending " + b.pending());
                seen.add("null into " + attempt(() -> b.receive(null, 0)));
                seen.add("small into " + attempt(() -> b.receive(new Message(3), 0)));
                seen.add("negative wait " + attempt(() -> b.receive(new Message(4), -5)));
                Message m = new Message(4);
                seen.add("still there " + b.receive(m, 0) + " " + m.data()[0] + " pending " + b.pending());
            }).start();
        });
        assertEquals(List.of("null name refused", "size 0 refused", "size > max refused", "depth 0 refused",
                "depth > max refused", "no discipline refused", "block in init refused pending 0",
                "poll in init ok true pending 1", "create late refused", "null data refused", "length 0 refused",
                "over max refused", "over array refused", "negative timeout refused", "pending 1", "null into refused",
                "small into refused", "negative wait refused", "still there true 42 pending 0"), seen);
        List<String> expected = new ArrayList<>(Rig.times(7, refusal("0", "init")));
        expected.addAll(Rig.times(9, refusal("1", "main")));
        assertEquals(expected, Rig.hm(r));
    }
}
