// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.bench;

import java.util.List;
import java.util.Map;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.ApplicationLoader;

/** Host-time benchmarks of the simulator; prints figures, asserts nothing. */
public final class SimBenchmark {
    private static final long MS = 1_000_000L;

    public static void main(String[] args) throws Exception {
        for (int round = 0; round < 3; round++) {
            samplingLatency();
        }
        for (int round = 0; round < 3; round++) {
            simSpeed();
        }
    }

    private static PartitionConfig part(String name, int index, int core, List<ProcessConfig> procs,
            List<PortConfig> ports) {
        return new PartitionConfig(name, index, List.of(core), 1 << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, "bench." + name, "", 0, procs, ports);
    }

    private static void samplingLatency() throws Exception {
        int n = 2_000_000;
        PortConfig out = new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 64, 0, 0);
        PortConfig in = new PortConfig("in", PortKind.SAMPLING, PortDirection.DESTINATION, 64, 0, 0);
        SystemConfig c = new SystemConfig("bench", board(1), List.of(),
                List.of(part("a", 0, 0, List.of(new ProcessConfig("main", ProcessKind.APERIODIC, 0, 0, 1, 0, 65536)),
                        List.of(out, in))),
                List.of(new ChannelConfig("loop", PortKind.SAMPLING, new PortEndpoint("a", "out"),
                        List.of(new PortEndpoint("a", "in")), OverflowPolicy.DROP_OLDEST)),
                List.of(new PlanConfig("main", List.of(new CoreFrame(0, 10 * MS)),
                        List.of(new WindowConfig(0, 0, 10 * MS, "a")))), "main", List.of(), List.of(), List.of(), List.of());
        long[] nanos = new long[1];
        ApplicationLoader apps = ApplicationLoader.of(Map.of("a", () -> (Partition p) -> {
            SamplingPort w = p.createSamplingPort(new SamplingPortRef("out", 0));
            SamplingPort r = p.createSamplingPort(new SamplingPortRef("in", 1));
            p.createProcess(new ProcessRef("main", 0), () -> {
                byte[] msg = new byte[64];
                Message m = new Message(64);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    msg[0] = (byte) i;
                    w.write(msg, 64);
                    r.read(m);
                }
                nanos[0] = System.nanoTime() - t0;
            }).start();
        }));
        // Small trace buffers: they fill up and discard, so tracing cost stays in and memory stays flat.
        Simulator.of(c, apps).traceCapacity(1024).run(MS);
        System.out.printf("sampling write+read (64 B, traced): %.1f ns per pair%n", nanos[0] / (double) n);
    }

    private static void simSpeed() throws Exception {
        PortConfig out = new PortConfig("att", PortKind.SAMPLING, PortDirection.SOURCE, 24, 0, 0);
        PortConfig in = new PortConfig("att", PortKind.SAMPLING, PortDirection.DESTINATION, 24, 40 * MS, 0);
        ProcessConfig periodic = new ProcessConfig("main", ProcessKind.PERIODIC, 20 * MS, 20 * MS, 5, 0, 65536);
        SystemConfig c = new SystemConfig("bench", board(2), List.of(),
                List.of(part("sensors", 0, 0, List.of(periodic), List.of(out)),
                        part("nav", 1, 1, List.of(periodic), List.of(in)),
                        part("display", 2, 0, List.of(periodic), List.of())),
                List.of(new ChannelConfig("att", PortKind.SAMPLING, new PortEndpoint("sensors", "att"),
                        List.of(new PortEndpoint("nav", "att")), OverflowPolicy.DROP_OLDEST)),
                List.of(new PlanConfig("main", List.of(new CoreFrame(0, 20 * MS), new CoreFrame(1, 20 * MS)),
                        List.of(new WindowConfig(0, 0, 10 * MS, "sensors"), new WindowConfig(0, 10 * MS, 10 * MS, "display"),
                                new WindowConfig(1, 0, 20 * MS, "nav")))),
                "main", List.of(), List.of(), List.of(), List.of());
        ApplicationLoader apps = ApplicationLoader.of(Map.of(
                "sensors", () -> (Partition p) -> {
                    SamplingPort w = p.createSamplingPort(new SamplingPortRef("att", 0));
                    p.createProcess(new ProcessRef("main", 0), () -> {
                        byte[] msg = new byte[24];
                        while (true) {
                            p.compute(2 * MS);
                            w.write(msg, 24);
                            p.periodicWait();
                        }
                    }).start();
                },
                "nav", () -> (Partition p) -> {
                    SamplingPort r = p.createSamplingPort(new SamplingPortRef("att", 0));
                    p.createProcess(new ProcessRef("main", 0), () -> {
                        Message m = new Message(24);
                        while (true) {
                            r.read(m);
                            p.compute(5 * MS);
                            p.periodicWait();
                        }
                    }).start();
                },
                "display", () -> (Partition p) -> p.createProcess(new ProcessRef("main", 0), () -> {
                    while (true) {
                        p.compute(MS);
                        p.periodicWait();
                    }
                }).start()));
        long simulated = 60_000 * MS;
        long t0 = System.nanoTime();
        SimResult r = Simulator.of(c, apps).traceSink((core, t, id, a, b, cc) -> { }).run(simulated);
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf("3 partitions / 2 cores, 50 Hz: %d s simulated in %.2f s wall = %.0f simulated s per wall s "
                + "(%d windows, %d HM events)%n", simulated / 1_000_000_000L, wall, simulated / 1e9 / wall,
                r.summary().windowsRun(), r.summary().hmEvents().size());
    }

    private static BoardConfig board(int cores) {
        return new BoardConfig("sim", cores, 1L << 32, 1_000, true, List.of(), 0, 0, List.of());
    }
}
