// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;

/**
 * Channels between partitions at run time: one sampling source feeding several destinations, and ports used
 * while the peer's window is closed, across a restart of the peer and across a plan switch.
 */
class ChannelRunTimeTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    private static final SamplingPortRef S_OUT = new SamplingPortRef("sOut", 0);
    private static final QueuingPortRef Q_OUT = new QueuingPortRef("qOut", 1);
    private static final SamplingPortRef S_IN = new SamplingPortRef("sIn", 0);
    private static final QueuingPortRef Q_IN = new QueuingPortRef("qIn", 1);

    private static PartitionConfig withProcess(String name, int index, int core, PortConfig... ports) {
        return Rig.partition(name, index, core, List.of(aperiodic("main", 5)), ports);
    }

    private static PortConfig samplingIn(long size, long refresh) {
        return new PortConfig("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, size, refresh, 0);
    }

    /** "name@t read V.. valid B written@T", or "name@t read nothing". */
    private static String read(Partition p, SamplingPort port) {
        Message m = new Message(8);
        if (!port.read(m)) {
            return p.name() + at(p) + " read nothing";
        }
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < m.length(); i++) {
            v.append(m.data()[i]);
        }
        return p.name() + at(p) + " read " + v + " valid " + m.valid() + " written@" + ms(m.timestampNs());
    }

    /**
     * "w" [0,4) and "r1" [4,10) on core 0, "r2" [0,5) and "r3" [5,10) on core 1, 10 ms frames. w's sampling
     * source feeds all three readers: r1 with a 3 ms refresh period, r2 with room for 8 bytes and no refresh
     * period, r3 with a 20 ms refresh period.
     */
    @Test
    void oneSamplingWriteReachesEveryDestinationEachJudgingValidityByItsOwnRefreshPeriod() throws Exception {
        PortConfig out = new PortConfig("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0);
        SystemConfig c = Rig.system(
                List.of(withProcess("w", 0, 0, out), withProcess("r1", 1, 0, samplingIn(4, 3 * MS)),
                        withProcess("r2", 2, 1, samplingIn(8, 0)), withProcess("r3", 3, 1, samplingIn(4, 20 * MS))),
                List.of(new ChannelConfig("s", PortKind.SAMPLING, new PortEndpoint("w", "sOut"),
                        List.of(new PortEndpoint("r1", "sIn"), new PortEndpoint("r2", "sIn"),
                                new PortEndpoint("r3", "sIn")), OverflowPolicy.BLOCK)),
                List.of(Rig.plan("main", 10 * MS, Rig.window(0, 0, 4 * MS, "w"), Rig.window(0, 4 * MS, 6 * MS, "r1"),
                        Rig.window(1, 0, 5 * MS, "r2"), Rig.window(1, 5 * MS, 5 * MS, "r3"))),
                List.of(), List.of());
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(c, 20 * MS, Map.of(
                "w", p -> {
                    SamplingPort s = p.createSamplingPort(S_OUT);
                    p.createProcess(MAIN, () -> {
                        p.timedWait(MS);
                        s.write(new byte[] {1}, 1);
                        p.timedWait(MS);
                        s.write(new byte[] {2, 3}, 2);
                        p.timedWait(9 * MS);
                        s.write(new byte[] {4}, 1);
                    }).start();
                },
                "r1", p -> {
                    SamplingPort s = p.createSamplingPort(S_IN);
                    p.createProcess(MAIN, () -> {
                        seen.add(read(p, s));
                        p.timedWait(2 * MS);
                        seen.add(read(p, s));
                        p.timedWait(8 * MS);
                        seen.add(read(p, s));
                    }).start();
                },
                "r2", p -> {
                    SamplingPort s = p.createSamplingPort(S_IN);
                    p.createProcess(MAIN, () -> {
                        seen.add(read(p, s));
                        p.timedWait(3 * MS);
                        seen.add(read(p, s));
                    }).start();
                },
                "r3", p -> {
                    SamplingPort s = p.createSamplingPort(S_IN);
                    p.createProcess(MAIN, () -> seen.add(read(p, s))).start();
                }));
        assertEquals(List.of("r2@0 read nothing", "r2@3 read 23 valid true written@2", "r1@4 read 23 valid true written@2",
                "r3@5 read 23 valid true written@2", "r1@6 read 23 valid false written@2",
                "r1@14 read 4 valid true written@11"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    /** "w" [0,4) and "r" [4,10) on core 0; w.sOut feeds r.sIn (refresh 5 ms), w.qOut feeds r.qIn (depth 2). */
    private static SystemConfig writerThenReader(OverflowPolicy policy, boolean withPlanTwo) {
        PartitionConfig w = withProcess("w", 0, 0, new PortConfig("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0),
                new PortConfig("qOut", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 2));
        PartitionConfig r = withProcess("r", 1, 0, samplingIn(4, 5 * MS),
                new PortConfig("qIn", PortKind.QUEUING, PortDirection.DESTINATION, 4, 0, 2));
        List<ChannelConfig> channels = List.of(
                new ChannelConfig("s", PortKind.SAMPLING, new PortEndpoint("w", "sOut"), List.of(new PortEndpoint("r", "sIn")),
                        OverflowPolicy.BLOCK),
                new ChannelConfig("q", PortKind.QUEUING, new PortEndpoint("w", "qOut"), List.of(new PortEndpoint("r", "qIn")),
                        policy));
        if (!withPlanTwo) {
            return Rig.system(List.of(w, r), channels, List.of(Rig.plan("one", 10 * MS, Rig.window(0, 0, 4 * MS, "w"),
                    Rig.window(0, 4 * MS, 6 * MS, "r"))), List.of(), List.of());
        }
        // Plan "two" leaves the writer out; the writer may switch to it.
        return Rig.system(List.of(w, r), channels, List.of(Rig.plan("one", 10 * MS, Rig.window(0, 0, 4 * MS, "w"),
                Rig.window(0, 4 * MS, 6 * MS, "r")), Rig.plan("two", 10 * MS, Rig.window(0, 0, 10 * MS, "r"))), List.of(),
                List.of(new PlanSwitchRule("one", "two", "w")));
    }

    private static String received(Partition p, QueuingPort q, long timeoutNs) {
        Message m = new Message(4);
        return q.receive(m, timeoutNs) ? p.name() + " got " + m.data()[0] + " sent@" + ms(m.timestampNs()) + at(p)
                : p.name() + " got nothing" + at(p);
    }

    @Test
    void aBlockedSenderWaitsThroughTheReceiversWindowAndSendsInItsOwnNextWindow() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(writerThenReader(OverflowPolicy.BLOCK, false), 30 * MS, Map.of(
                "w", p -> {
                    QueuingPort q = p.createQueuingPort(Q_OUT);
                    p.createProcess(MAIN, () -> {
                        q.send(new byte[] {1}, 1, 0);
                        q.send(new byte[] {2}, 1, 0);
                        seen.add("w send 3 " + q.send(new byte[] {3}, 1, Partition.INFINITE) + at(p));
                    }).start();
                },
                "r", p -> {
                    QueuingPort q = p.createQueuingPort(Q_IN);
                    p.createProcess(MAIN, () -> {
                        for (int i = 0; i < 3; i++) {
                            seen.add(received(p, q, Partition.INFINITE));
                        }
                    }).start();
                }));
        // Room made at 4 ms lets the sender go on, but only when its window opens again at 10 ms.
        assertEquals(List.of("r got 1 sent@0@4", "r got 2 sent@0@4", "w send 3 true@10", "r got 3 sent@10@14"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void aSendersRestartLeavesWhatItSentAndAReceiversRestartFreesItsBlockedSender() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] wStarts = {0};
        int[] rStarts = {0};
        SimResult r = Rig.run(writerThenReader(OverflowPolicy.BLOCK, false), 30 * MS, Map.of(
                "w", p -> {
                    wStarts[0]++;
                    QueuingPort q = p.createQueuingPort(Q_OUT);
                    SamplingPort s = p.createSamplingPort(S_OUT);
                    if (wStarts[0] > 1) {
                        seen.add("w start " + wStarts[0] + at(p));
                        p.createProcess(MAIN, () -> seen.add("w send 3 " + q.send(new byte[] {3}, 1, Partition.INFINITE)
                                + at(p))).start();
                        return;
                    }
                    p.createProcess(MAIN, () -> {
                        q.send(new byte[] {1}, 1, 0);
                        q.send(new byte[] {2}, 1, 0);
                        s.write(new byte[] {9}, 1);
                        p.timedWait(MS);
                        p.setMode(PartitionMode.COLD_START);
                    }).start();
                },
                "r", p -> {
                    rStarts[0]++;
                    QueuingPort q = p.createQueuingPort(Q_IN);
                    SamplingPort s = p.createSamplingPort(S_IN);
                    seen.add("r start " + rStarts[0] + ": pending " + q.pending() + ", " + read(p, s));
                    if (rStarts[0] > 1) {
                        p.createProcess(MAIN, () -> seen.add(received(p, q, Partition.INFINITE))).start();
                        return;
                    }
                    p.createProcess(MAIN, () -> p.setMode(PartitionMode.COLD_START)).start();
                }));
        // w's restart at 1 ms leaves messages 1 and 2 and the sample at r; w's new send blocks on the full queue.
        // r's restart at 4 ms empties its ports: the sender is free again and sends when its window opens.
        assertEquals(List.of("w start 2@1", "r start 1: pending 2, r@4 read 9 valid true written@0",
                "r start 2: pending 0, r@4 read nothing", "w send 3 true@10", "r got 3 sent@10@14"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void messagesWaitingAtTheReceiverOutliveAPlanSwitchThatLeavesTheSenderOut() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(writerThenReader(OverflowPolicy.BLOCK, true), 30 * MS, Map.of(
                "w", p -> {
                    QueuingPort q = p.createQueuingPort(Q_OUT);
                    SamplingPort s = p.createSamplingPort(S_OUT);
                    p.createProcess(MAIN, () -> {
                        p.timedWait(MS);
                        q.send(new byte[] {1}, 1, 0);
                        q.send(new byte[] {2}, 1, 0);
                        s.write(new byte[] {7}, 1);
                        seen.add("w switch " + p.requestPlanSwitch(new PlanRef("two", 1)) + at(p));
                        p.timedWait(10 * MS);
                        seen.add("never: w has no window in plan two");
                    }).start();
                },
                "r", p -> {
                    QueuingPort q = p.createQueuingPort(Q_IN);
                    SamplingPort s = p.createSamplingPort(S_IN);
                    p.createProcess(MAIN, () -> {
                        seen.add(received(p, q, 0) + ", " + read(p, s));
                        p.timedWait(8 * MS);
                        // The sample keeps its age across the switch: written at 1 ms, stale after 6 ms.
                        seen.add(received(p, q, 0) + ", " + read(p, s));
                        seen.add(received(p, q, 5 * MS));
                    }).start();
                }));
        assertEquals(List.of("w switch true@1", "r got 1 sent@1@4, r@4 read 7 valid true written@1",
                "r got 2 sent@1@12, r@12 read 7 valid false written@1", "r got nothing@17"), seen);
        assertEquals("two", r.summary().activePlan());
        assertEquals(List.of(), Rig.hm(r));
    }
}
