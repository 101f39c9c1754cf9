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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.Message;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceEventType;

/**
 * A full queuing port: what each overflow policy tells the sender (send's result), the receiver (the overflow
 * indication) and the trace (one PORT_OVERFLOW naming the full destination); and refused message lengths.
 */
class PortOverflowTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    private static final QueuingPortRef OUT = new QueuingPortRef("out", 0);
    private static final QueuingPortRef IN = new QueuingPortRef("in", 1);
    private static final SamplingPortRef S_OUT = new SamplingPortRef("sOut", 2);

    /** Partition "a" loops its queuing port "out" to "in" (4-byte messages, depth 2) under {@code policy}. */
    private static SystemConfig loop(OverflowPolicy policy) {
        return Rig.system(List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5)),
                        new PortConfig("out", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 2),
                        new PortConfig("in", PortKind.QUEUING, PortDirection.DESTINATION, 4, 0, 2),
                        new PortConfig("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0))),
                List.of(new ChannelConfig("q", PortKind.QUEUING, new PortEndpoint("a", "out"),
                        List.of(new PortEndpoint("a", "in")), policy)),
                List.of(Rig.plan("main", Rig.FRAME, Rig.window(0, 0, Rig.FRAME, "a"))), List.of(), List.of());
    }

    /** Three messages into a queue of two, what the receiver learns, and the queue's content. */
    private static List<String> overfill(OverflowPolicy policy, List<Rig.Ev> overflows) throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(loop(policy), 10 * MS, Map.of("a", p -> {
            QueuingPort out = p.createQueuingPort(OUT);
            QueuingPort in = p.createQueuingPort(IN);
            p.createProcess(MAIN, () -> {
                seen.add("overflowed " + in.overflowed());
                StringBuilder sends = new StringBuilder("sent");
                for (byte b = 1; b <= 3; b++) {
                    sends.append(' ').append(out.send(new byte[] {b}, 1, b == 3 ? MS : 0));
                }
                seen.add(sends + at(p));
                seen.add("overflowed " + in.overflowed() + " then " + in.overflowed());
                Message m = new Message(4);
                StringBuilder got = new StringBuilder("got");
                while (in.receive(m, 0)) {
                    got.append(' ').append(m.data()[0]);
                }
                seen.add(got.toString());
                out.send(new byte[] {4}, 1, 0);
                seen.add("after a send with room: overflowed " + in.overflowed());
            }).start();
        }));
        overflows.addAll(Rig.only(Rig.trace(r), TraceEventType.PORT_OVERFLOW));
        assertEquals(List.of(), Rig.hm(r));
        return seen;
    }

    /** The one PORT_OVERFLOW expected: at {@code t}, against partition 0's destination "in" (port 1). */
    private static List<Rig.Ev> overflowOfIn(long t) {
        return List.of(new Rig.Ev(0, t, TraceEventType.PORT_OVERFLOW, 0, IN.index(), 1));
    }

    @Test
    void dropOldestReportsTheLossToTheReceiverThoughEverySendSucceeded() throws Exception {
        List<Rig.Ev> overflows = new ArrayList<>();
        assertEquals(List.of("overflowed false", "sent true true true@0", "overflowed true then false", "got 2 3",
                "after a send with room: overflowed false"), overfill(OverflowPolicy.DROP_OLDEST, overflows));
        assertEquals(overflowOfIn(0), overflows);
    }

    @Test
    void dropNewestTellsTheSenderAndTheReceiver() throws Exception {
        List<Rig.Ev> overflows = new ArrayList<>();
        assertEquals(List.of("overflowed false", "sent true true false@0", "overflowed true then false", "got 1 2",
                "after a send with room: overflowed false"), overfill(OverflowPolicy.DROP_NEWEST, overflows));
        assertEquals(overflowOfIn(0), overflows);
    }

    @Test
    void aBlockSendThatTimesOutLosesNothingAtTheReceiverAndIsTracedAgainstItsFullQueue() throws Exception {
        List<Rig.Ev> overflows = new ArrayList<>();
        assertEquals(List.of("overflowed false", "sent true true false@1", "overflowed false then false", "got 1 2",
                "after a send with room: overflowed false"), overfill(OverflowPolicy.BLOCK, overflows));
        // Same convention as a drop: the destination whose queue was full, not the sender's port.
        assertEquals(overflowOfIn(MS), overflows);
    }

    @Test
    void theIndicationIsRefusedOnASourceAndClearedByARestart() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] starts = {0};
        SimResult r = Rig.run(loop(OverflowPolicy.DROP_OLDEST), 10 * MS, Map.of("a", p -> {
            starts[0]++;
            QueuingPort out = p.createQueuingPort(OUT);
            QueuingPort in = p.createQueuingPort(IN);
            if (starts[0] > 1) {
                seen.add("after the restart: overflowed " + in.overflowed() + ", pending " + in.pending() + at(p));
                return;
            }
            seen.add("on the source " + attempt(out::overflowed));
            p.createProcess(MAIN, () -> {
                for (byte b = 1; b <= 3; b++) {
                    out.send(new byte[] {b}, 1, 0);
                }
                p.timedWait(MS);
                p.setMode(PartitionMode.WARM_START);
            }).start();
        }));
        assertEquals(List.of("on the source refused", "after the restart: overflowed false, pending 0@1"), seen);
        assertEquals(List.of(refusal("0", "init")), Rig.hm(r));
    }

    @Test
    void emptyAndOversizedMessagesAreRefusedWithTheirReason() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(loop(OverflowPolicy.BLOCK), 10 * MS, Map.of("a", p -> {
            QueuingPort out = p.createQueuingPort(OUT);
            QueuingPort in = p.createQueuingPort(IN);
            SamplingPort sOut = p.createSamplingPort(S_OUT);
            Buffer buffer = p.createBuffer("buf", 4, 2, QueuingDiscipline.FIFO);
            Blackboard board = p.createBlackboard("bb", 4);
            p.createProcess(MAIN, () -> {
                seen.add("queuing empty " + attempt(() -> out.send(new byte[0], 0, 0)));
                seen.add("sampling empty " + attempt(() -> sOut.write(new byte[4], 0)));
                seen.add("buffer empty " + attempt(() -> buffer.send(new byte[4], 0, 0)));
                seen.add("blackboard empty " + attempt(() -> board.display(new byte[4], 0)));
                seen.add("over the size " + attempt(() -> out.send(new byte[8], 5, 0)));
                seen.add("over the array " + attempt(() -> out.send(new byte[2], 3, 0)));
                seen.add("queued " + in.pending() + ", buffered " + buffer.pending());
            }).start();
        }));
        assertEquals(List.of("queuing empty refused", "sampling empty refused", "buffer empty refused",
                "blackboard empty refused", "over the size refused", "over the array refused", "queued 0, buffered 0"),
                seen);
        assertEquals(List.of("message length 0: a message has at least 1 byte",
                "message length 0: a message has at least 1 byte", "message length 0: a message has at least 1 byte",
                "message length 0: a message has at least 1 byte",
                "message length 5 exceeds the maximum message size of 4 bytes",
                "message length 3 exceeds the 2-byte array"),
                r.summary().hmEvents().stream().map(HmEvent::message).toList());
    }
}
