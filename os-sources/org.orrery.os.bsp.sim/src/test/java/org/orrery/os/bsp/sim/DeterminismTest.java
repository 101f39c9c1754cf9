// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;

/** A small flight-control system: same configuration and applications → the same trace, every time. */
class DeterminismTest {
    static final int RUNS = Integer.getInteger("orrery.determinism.runs", 100);

    static SystemConfig flightControl() {
        PortConfig attOut = new PortConfig("attitude", PortKind.SAMPLING, PortDirection.SOURCE, 24, 0, 0);
        PortConfig attIn = new PortConfig("attitude", PortKind.SAMPLING, PortDirection.DESTINATION, 24, 40 * MS, 0);
        PortConfig cmdOut = new PortConfig("commands", PortKind.QUEUING, PortDirection.SOURCE, 16, 0, 4);
        PortConfig cmdIn = new PortConfig("commands", PortKind.QUEUING, PortDirection.DESTINATION, 16, 0, 4);
        return Sys.system(Sys.board(2, 50 * MS),
                List.of(Sys.partition("sensors", 0, 0, SchedulingPolicy.FIXED_PRIORITY, 0, 30 * MS,
                                List.of(Sys.periodic("sample", 20 * MS, 10 * MS, 10)), List.of(attOut)),
                        Sys.partition("nav", 1, 1, SchedulingPolicy.EDF, 0, 0,
                                List.of(Sys.periodic("compute", 20 * MS, 15 * MS, 5), Sys.aperiodic("log", 0, 1)),
                                List.of(attIn, cmdOut)),
                        Sys.partition("display", 2, 0, SchedulingPolicy.ROUND_ROBIN, MS, 0,
                                List.of(Sys.aperiodic("show", 0, 1), Sys.aperiodic("blink", 0, 1)), List.of(cmdIn))),
                List.of(new ChannelConfig("att", PortKind.SAMPLING, new PortEndpoint("sensors", "attitude"),
                                List.of(new PortEndpoint("nav", "attitude")), OverflowPolicy.DROP_OLDEST),
                        new ChannelConfig("cmd", PortKind.QUEUING, new PortEndpoint("nav", "commands"),
                                List.of(new PortEndpoint("display", "commands")), OverflowPolicy.DROP_NEWEST)),
                List.of(new PlanConfig("main", List.of(new CoreFrame(0, 20 * MS), new CoreFrame(1, 20 * MS)),
                        List.of(Sys.window(0, 0, 8 * MS, "sensors"), Sys.window(0, 10 * MS, 10 * MS, "display"),
                                Sys.window(1, 5 * MS, 12 * MS, "nav")))),
                List.of(), List.of());
    }

    static ApplicationLoader flightApps() {
        return Sys.apps(Map.of(
                "sensors", () -> (Partition p) -> {
                    SamplingPort out = p.createSamplingPort(new SamplingPortRef("attitude", 0));
                    p.createProcess(new ProcessRef("sample", 0), () -> {
                        byte[] msg = new byte[24];
                        for (int i = 0; ; i++) {
                            msg[0] = (byte) i;
                            p.compute((i % 3 + 1) * MS);
                            out.write(msg, 24);
                            p.kickWatchdog();
                            p.periodicWait();
                        }
                    }).start();
                },
                "nav", () -> (Partition p) -> {
                    SamplingPort in = p.createSamplingPort(new SamplingPortRef("attitude", 0));
                    QueuingPort cmd = p.createQueuingPort(new QueuingPortRef("commands", 1));
                    p.createProcess(new ProcessRef("compute", 0), () -> {
                        Message m = new Message(24);
                        while (true) {
                            if (in.read(m)) {
                                p.compute(2 * MS);
                                cmd.send(new byte[] {m.data()[0], (byte) (m.valid() ? 1 : 0)}, 2, 0);
                                p.traceEvent(1, m.data()[0]);
                            }
                            p.periodicWait();
                        }
                    }).start();
                    p.createProcess(new ProcessRef("log", 1), () -> {
                        while (true) {
                            p.timedWait(7 * MS);
                            p.log("nav alive");
                        }
                    }).start();
                },
                "display", () -> (Partition p) -> {
                    QueuingPort cmd = p.createQueuingPort(new QueuingPortRef("commands", 0));
                    p.createProcess(new ProcessRef("show", 0), () -> {
                        Message m = new Message(16);
                        while (cmd.receive(m, Partition.INFINITE)) {
                            p.compute(1500 * Sys.US);
                            p.log("attitude " + m.data()[0] + " valid " + m.data()[1]);
                        }
                    }).start();
                    p.createProcess(new ProcessRef("blink", 1), () -> {
                        while (true) {
                            p.compute(MS);
                            p.timedWait(3 * MS);
                        }
                    }).start();
                }));
    }

    @Test
    void hundredRunsGiveOneTraceHash() throws Exception {
        Set<Long> hashes = new HashSet<>();
        long events = 0;
        for (int i = 0; i < RUNS; i++) {
            SimResult r = Simulator.of(flightControl(), flightApps()).run(200 * MS);
            if (i == 0) {
                assertEquals(List.of(), r.summary().hmEvents(), r.console().toString());
                assertTrue(r.console().size() > 10, r.console().toString());
                events = r.traces().stream().mapToLong(b -> b.size()).sum();
            }
            hashes.add(Sys.hash(r));
        }
        assertEquals(1, hashes.size(), "trace hashes differ between runs");
        assertTrue(events > 100, "only " + events + " events");
    }
}
