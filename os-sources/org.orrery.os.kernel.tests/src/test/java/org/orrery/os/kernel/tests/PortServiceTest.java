// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.attemptGet;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
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

/**
 * Port services seen from the partition: createSamplingPort, createQueuingPort, ref, write, read, send,
 * receive, pending, and every refusal. (Channel behaviour between partitions: bsp.sim's PortTest.)
 */
class PortServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    static final SamplingPortRef S_OUT = new SamplingPortRef("sOut", 0);
    static final SamplingPortRef S_IN = new SamplingPortRef("sIn", 1);
    static final QueuingPortRef Q_OUT = new QueuingPortRef("qOut", 2);
    static final QueuingPortRef Q_IN = new QueuingPortRef("qIn", 3);
    static final SamplingPortRef S_LONE = new SamplingPortRef("sLone", 4);
    static final QueuingPortRef Q_LONE = new QueuingPortRef("qLone", 5);
    static final SamplingPortRef S_NOWHERE = new SamplingPortRef("sNowhere", 6);
    static final QueuingPortRef Q_NOWHERE = new QueuingPortRef("qNowhere", 7);

    /**
     * Partition "a" loops sOut to sIn and qOut to qIn (4-byte messages, queue depth 2); the destinations sLone,
     * qLone and the sources sNowhere, qNowhere have no channel.
     */
    static SystemConfig loopback() {
        List<PortConfig> ports = List.of(
                new PortConfig("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0),
                new PortConfig("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, 4, 0, 0),
                new PortConfig("qOut", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 2),
                new PortConfig("qIn", PortKind.QUEUING, PortDirection.DESTINATION, 4, 0, 2),
                new PortConfig("sLone", PortKind.SAMPLING, PortDirection.DESTINATION, 4, 0, 0),
                new PortConfig("qLone", PortKind.QUEUING, PortDirection.DESTINATION, 4, 0, 2),
                new PortConfig("sNowhere", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0),
                new PortConfig("qNowhere", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 2));
        return Rig.system(List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5)), ports.toArray(PortConfig[]::new))),
                List.of(new ChannelConfig("s", PortKind.SAMPLING, new PortEndpoint("a", "sOut"),
                                List.of(new PortEndpoint("a", "sIn")), OverflowPolicy.DROP_OLDEST),
                        new ChannelConfig("q", PortKind.QUEUING, new PortEndpoint("a", "qOut"),
                                List.of(new PortEndpoint("a", "qIn")), OverflowPolicy.BLOCK)),
                List.of(Rig.plan("main", Rig.FRAME, Rig.window(0, 0, Rig.FRAME, "a"))), List.of(), List.of());
    }

    @Test
    void eachConfiguredPortIsCreatedOnceDuringInitialisation() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(loopback(), 10 * MS, Map.of("a", p -> {
            seen.add("null sampling " + attempt(() -> p.createSamplingPort(null)));
            seen.add("null queuing " + attempt(() -> p.createQueuingPort(null)));
            seen.add("wrong kind " + attempt(() -> p.createQueuingPort(new QueuingPortRef("sOut", 0))));
            seen.add("out of range " + attempt(() -> p.createSamplingPort(new SamplingPortRef("sOut", 8))));
            seen.add("name and index disagree " + attempt(() -> p.createSamplingPort(new SamplingPortRef("sIn", 0))));
            seen.add("sampling " + p.createSamplingPort(S_OUT).ref());
            seen.add("queuing " + p.createQueuingPort(Q_IN).ref());
            seen.add("twice " + attempt(() -> p.createSamplingPort(S_OUT)));
            p.createProcess(MAIN, () -> seen.add("late " + attempt(() -> p.createQueuingPort(Q_OUT)))).start();
        }));
        assertEquals(List.of("null sampling refused", "null queuing refused", "wrong kind refused", "out of range refused",
                "name and index disagree refused", "sampling SamplingPortRef[name=sOut, index=0]",
                "queuing QueuingPortRef[name=qIn, index=3]", "twice refused", "late refused"), seen);
        List<String> expected = new ArrayList<>(Rig.times(6, refusal("0", "init")));
        expected.add(refusal("0", "main"));
        assertEquals(expected, Rig.hm(r));
    }

    @Test
    void samplingPortRefusalsLeaveTheLastMessageInPlace() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(loopback(), 10 * MS, Map.of("a", p -> {
            SamplingPort out = p.createSamplingPort(S_OUT);
            SamplingPort in = p.createSamplingPort(S_IN);
            out.write(new byte[] {5, 6}, 2);
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                Message m = new Message(4);
                seen.add("write on destination " + attempt(() -> in.write(new byte[] {1}, 1)));
                seen.add("read on source " + attempt(() -> out.read(m)));
                seen.add("null data " + attempt(() -> out.write(null, 1)));
                seen.add("length 0 " + attempt(() -> out.write(new byte[4], 0)));
                seen.add("over max " + attempt(() -> out.write(new byte[5], 5)));
                seen.add("over array " + attempt(() -> out.write(new byte[1], 2)));
                seen.add("null into " + attempt(() -> in.read(null)));
                seen.add("small into " + attempt(() -> in.read(new Message(3))));
                seen.add("read " + in.read(m) + " " + m.data()[0] + m.data()[1] + " len " + m.length() + " valid " + m.valid()
                        + " written@" + Rig.ms(m.timestampNs()));
            }).start();
        }));
        assertEquals(List.of("write on destination refused", "read on source refused", "null data refused",
                "length 0 refused", "over max refused", "over array refused", "null into refused", "small into refused",
                "read true 56 len 2 valid true written@0"), seen);
        assertEquals(Rig.times(8, refusal("1", "main")), Rig.hm(r));
    }

    @Test
    void queuingPortRefusalsLeaveTheQueueAsItWas() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(loopback(), 10 * MS, Map.of("a", p -> {
            QueuingPort out = p.createQueuingPort(Q_OUT);
            QueuingPort in = p.createQueuingPort(Q_IN);
            seen.add("block in init " + attempt(() -> out.send(new byte[] {1}, 1, MS)) + " pending " + in.pending());
            seen.add("wait in init " + attempt(() -> in.receive(new Message(4), MS)));
            seen.add("poll in init " + attemptGet(() -> out.send(new byte[] {9}, 1, 0)) + " pending " + in.pending()
                    + " at the source " + out.pending());
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                Message m = new Message(4);
                seen.add("send on destination " + attempt(() -> in.send(new byte[] {1}, 1, 0)));
                seen.add("receive on source " + attempt(() -> out.receive(m, 0)));
                seen.add("negative send timeout " + attempt(() -> out.send(new byte[] {1}, 1, -1)));
                seen.add("negative receive timeout " + attempt(() -> in.receive(m, -1)));
                seen.add("null data " + attempt(() -> out.send(null, 1, 0)));
                seen.add("length 0 " + attempt(() -> out.send(new byte[4], 0, 0)));
                seen.add("over max " + attempt(() -> out.send(new byte[5], 5, 0)));
                seen.add("null into " + attempt(() -> in.receive(null, 0)));
                seen.add("small into " + attempt(() -> in.receive(new Message(3), 0)));
                seen.add("pending " + in.pending());
                seen.add("receive " + in.receive(m, 0) + " " + m.data()[0] + " pending " + in.pending() + at(p));
            }).start();
        }));
        assertEquals(List.of("block in init refused pending 0", "wait in init refused",
                "poll in init ok true pending 1 at the source 0", "send on destination refused",
                "receive on source refused", "negative send timeout refused", "negative receive timeout refused",
                "null data refused", "length 0 refused", "over max refused", "null into refused", "small into refused",
                "pending 1", "receive true 9 pending 0@1"), seen);
        List<String> expected = new ArrayList<>(Rig.times(2, refusal("0", "init")));
        expected.addAll(Rig.times(9, refusal("1", "main")));
        assertEquals(expected, Rig.hm(r));
    }

    @Test
    void portsWithoutAChannelAcceptWritesAndNeverDeliver() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(loopback(), 10 * MS, Map.of("a", p -> {
            SamplingPort sLone = p.createSamplingPort(S_LONE);
            QueuingPort qLone = p.createQueuingPort(Q_LONE);
            SamplingPort sNowhere = p.createSamplingPort(S_NOWHERE);
            QueuingPort qNowhere = p.createQueuingPort(Q_NOWHERE);
            p.createProcess(MAIN, () -> {
                Message m = new Message(4);
                sNowhere.write(new byte[] {1}, 1);
                // Nothing can fill up: even a blocking send returns at once.
                seen.add("queuing send " + qNowhere.send(new byte[] {1}, 1, 0) + " " + qNowhere.send(new byte[] {2}, 1, 0)
                        + " " + qNowhere.send(new byte[] {3}, 1, Partition.INFINITE) + at(p));
                seen.add("sampling read " + sLone.read(m));
                seen.add("queuing receive " + qLone.receive(m, 0) + " then " + qLone.receive(m, 2 * MS) + at(p));
                seen.add("pending " + qLone.pending());
            }).start();
        }));
        assertEquals(List.of("queuing send true true true@0", "sampling read false",
                "queuing receive false then false@2", "pending 0"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }
}
