// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

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
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceEventType;

class PortTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    /** Writer partition "w" on core 0, reader "r" on core 1; both windows cover the whole frame. */
    private static SystemConfig pair(PortKind kind, long refresh, int depth, OverflowPolicy policy) {
        PortConfig out = new PortConfig("out", kind, PortDirection.SOURCE, 16, 0, kind == PortKind.QUEUING ? depth : 0);
        PortConfig in = new PortConfig("in", kind, PortDirection.DESTINATION, 16, refresh,
                kind == PortKind.QUEUING ? depth : 0);
        return Sys.system(Sys.board(2),
                List.of(Sys.partition("w", 0, 0, List.of(Sys.aperiodic("main", 0, 5)), List.of(out)),
                        Sys.partition("r", 1, 1, List.of(Sys.aperiodic("main", 0, 5)), List.of(in))),
                List.of(new ChannelConfig("ch", kind, new PortEndpoint("w", "out"), List.of(new PortEndpoint("r", "in")),
                        policy)),
                List.of(new org.orrery.os.config.PlanConfig("main",
                        List.of(new org.orrery.os.config.CoreFrame(0, 100 * MS), new org.orrery.os.config.CoreFrame(1, 100 * MS)),
                        List.of(Sys.window(0, 0, 100 * MS, "w"), Sys.window(1, 0, 100 * MS, "r")))),
                List.of(), List.of());
    }

    private static final class Holder {
        SamplingPort sp;
        QueuingPort qp;
    }

    @Test
    void samplingKeepsLatestAndJudgesValidityByRefreshPeriod() throws Exception {
        List<String> seen = new ArrayList<>();
        Holder w = new Holder();
        Holder r = new Holder();
        SimResult res = Simulator.of(pair(PortKind.SAMPLING, 5 * MS, 0, OverflowPolicy.DROP_OLDEST), Sys.apps(Map.of(
                "w", () -> p -> {
                    w.sp = p.createSamplingPort(new SamplingPortRef("out", 0));
                    p.createProcess(MAIN, () -> {
                        p.timedWait(2 * MS);
                        w.sp.write(new byte[] {1}, 1);
                        w.sp.write(new byte[] {2, 2}, 2);
                    }).start();
                },
                "r", () -> p -> {
                    r.sp = p.createSamplingPort(new SamplingPortRef("in", 0));
                    p.createProcess(MAIN, () -> {
                        Message m = new Message(16);
                        seen.add("t0 " + r.sp.read(m));
                        p.timedWait(3 * MS);
                        seen.add("t3 " + r.sp.read(m) + " len=" + m.length() + " valid=" + m.valid() + " at=" + m.timestampNs() / MS);
                        p.timedWait(4 * MS);
                        seen.add("t7 " + r.sp.read(m) + " valid=" + m.valid());
                        p.timedWait(1 * MS);
                        seen.add("t8 " + r.sp.read(m) + " valid=" + m.valid());
                    }).start();
                }))).run(20 * MS);
        // Written at 2 ms: valid while age <= 5 ms (through 7 ms), invalid at 8 ms.
        assertEquals(List.of("t0 false", "t3 true len=2 valid=true at=2", "t7 true valid=true", "t8 true valid=false"), seen);
        List<Sys.Ev> ev = Sys.events(res);
        assertEquals(2, Sys.events(ev, TraceEventType.PORT_SEND).size());
        assertEquals(3, Sys.events(ev, TraceEventType.PORT_RECEIVE).size());
    }

    @Test
    void queuingIsFifoAndBlockedReceiverWakesAtTheSendInstant() throws Exception {
        List<String> got = new ArrayList<>();
        Holder w = new Holder();
        Holder r = new Holder();
        Simulator.of(pair(PortKind.QUEUING, 0, 4, OverflowPolicy.BLOCK), Sys.apps(Map.of(
                "w", () -> p -> {
                    w.qp = p.createQueuingPort(new QueuingPortRef("out", 0));
                    p.createProcess(MAIN, () -> {
                        p.timedWait(3 * MS);
                        for (byte b = 1; b <= 3; b++) {
                            w.qp.send(new byte[] {b}, 1, 0);
                        }
                    }).start();
                },
                "r", () -> p -> {
                    r.qp = p.createQueuingPort(new QueuingPortRef("in", 0));
                    p.createProcess(MAIN, () -> {
                        Message m = new Message(16);
                        while (r.qp.receive(m, Partition.INFINITE)) {
                            got.add(m.data()[0] + "@" + p.now() / MS);
                        }
                    }).start();
                }))).run(10 * MS);
        assertEquals(List.of("1@3", "2@3", "3@3"), got);
    }

    private static List<String> overflow(OverflowPolicy policy, List<Long> overflowEvents) throws Exception {
        List<String> out = new ArrayList<>();
        Holder w = new Holder();
        Holder r = new Holder();
        SimResult res = Simulator.of(pair(PortKind.QUEUING, 0, 2, policy), Sys.apps(Map.of(
                "w", () -> p -> {
                    w.qp = p.createQueuingPort(new QueuingPortRef("out", 0));
                    p.createProcess(MAIN, () -> {
                        for (byte b = 1; b <= 4; b++) {
                            out.add("send" + b + "=" + w.qp.send(new byte[] {b}, 1, 2 * MS) + "@" + p.now() / MS);
                        }
                    }).start();
                },
                "r", () -> p -> {
                    r.qp = p.createQueuingPort(new QueuingPortRef("in", 0));
                    p.createProcess(MAIN, () -> {
                        p.timedWait(5 * MS);
                        Message m = new Message(16);
                        while (r.qp.receive(m, 0)) {
                            out.add("recv" + m.data()[0] + "@" + p.now() / MS);
                        }
                        out.add("empty=" + !r.qp.receive(m, 3 * MS) + "@" + p.now() / MS);
                    }).start();
                }))).run(20 * MS);
        Sys.events(Sys.events(res), TraceEventType.PORT_OVERFLOW).forEach(e -> overflowEvents.add(e.t() / MS));
        return out;
    }

    @Test
    void dropNewestRejectsTheNewMessageAndTracesIt() throws Exception {
        List<Long> over = new ArrayList<>();
        assertEquals(List.of("send1=true@0", "send2=true@0", "send3=false@0", "send4=false@0", "recv1@5", "recv2@5",
                "empty=true@8"), overflow(OverflowPolicy.DROP_NEWEST, over));
        assertEquals(List.of(0L, 0L), over);
    }

    @Test
    void dropOldestKeepsTheNewestMessages() throws Exception {
        List<Long> over = new ArrayList<>();
        assertEquals(List.of("send1=true@0", "send2=true@0", "send3=true@0", "send4=true@0", "recv3@5", "recv4@5",
                "empty=true@8"), overflow(OverflowPolicy.DROP_OLDEST, over));
        assertEquals(List.of(0L, 0L), over);
    }

    @Test
    void blockWaitsForRoomUntilTheTimeout() throws Exception {
        List<Long> over = new ArrayList<>();
        // send3 waits 2 ms and gives up (overflow traced); send4 likewise; then the reader drains at 5 ms.
        assertEquals(List.of("send1=true@0", "send2=true@0", "send3=false@2", "send4=false@4", "recv1@5", "recv2@5",
                "empty=true@8"), overflow(OverflowPolicy.BLOCK, over));
        assertEquals(List.of(2L, 4L), over);
    }

    @Test
    void blockedSenderProceedsWhenTheReaderMakesRoom() throws Exception {
        List<String> out = new ArrayList<>();
        Holder w = new Holder();
        Holder r = new Holder();
        Simulator.of(pair(PortKind.QUEUING, 0, 1, OverflowPolicy.BLOCK), Sys.apps(Map.of(
                "w", () -> p -> {
                    w.qp = p.createQueuingPort(new QueuingPortRef("out", 0));
                    p.createProcess(MAIN, () -> {
                        w.qp.send(new byte[] {1}, 1, 0);
                        out.add("send2=" + w.qp.send(new byte[] {2}, 1, Partition.INFINITE) + "@" + p.now() / MS);
                    }).start();
                },
                "r", () -> p -> {
                    r.qp = p.createQueuingPort(new QueuingPortRef("in", 0));
                    p.createProcess(MAIN, () -> {
                        p.timedWait(7 * MS);
                        Message m = new Message(16);
                        r.qp.receive(m, 0);
                        out.add("recv" + m.data()[0] + "@" + p.now() / MS);
                    }).start();
                }))).run(20 * MS);
        assertEquals(List.of("recv1@7", "send2=true@7"), out);
    }
}
