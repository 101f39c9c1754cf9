// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.bsp.hosted.HostedBoardSupport;
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
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/**
 * Sampling-port write→read latency between two partition processes on the hosted board (writer on core 0, reader on
 * core 1, both windows open the whole frame), through the partition API: served from shared memory, against the
 * baseline measured in the same run, a 32-byte round trip between two JVMs over a Unix socket ({@link SocketPingPong}:
 * what handing the message through another process would cost at least). Goal: p50 and p99 within 5 µs. Then the
 * wake-up of a receiver blocked on a queuing port (receive without a timeout) by a send from the other process.
 * Usage: PortBenchmark OS_API_DIR OS_PARTITION_DIR BENCH_CLASSES [SECONDS per board, default 10]
 */
public final class PortBenchmark {
    private static final long MS = 1_000_000L;
    private static final Pattern LATENCY = Pattern.compile("latency p50 ([\\d.]+) p99 ([\\d.]+) max ([\\d.]+) us over (\\d+)");

    private PortBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Map<String, byte[]> os = BoardBenchmark.osModules(args);
        byte[] app = BoardBenchmark.jar(Path.of(args[2]), "org/orrery/os/bsp/hosted/bench/PortApps");
        double[] shm = run(os, app, seconds, false);
        double[] qShm = run(os, app, seconds, true);
        double[] ping = SocketPingPong.measure(Path.of(args[2]), 20_000);
        System.out.printf("sampling write->read : p50 %8.2f us  p99 %8.2f us  max %9.2f us  (%.0f samples)%n", shm[0],
                shm[1], shm[2], shm[3]);
        System.out.printf("queuing wake-up      : p50 %8.2f us  p99 %8.2f us  max %9.2f us  (%.0f samples)%n", qShm[0],
                qShm[1], qShm[2], qShm[3]);
        System.out.printf("socket round trip    : p50 %8.2f us  p99 %8.2f us  max %9.2f us  (two JVMs, Unix socket)%n",
                ping[0], ping[1], ping[2]);
        System.out.printf("ratio to the round trip: sampling p50 %.3f p99 %.3f, queuing p50 %.3f p99 %.3f; goal <= 5 us: "
                + "p50 %s, p99 %s%n", shm[0] / ping[0], shm[1] / ping[1], qShm[0] / ping[0], qShm[1] / ping[1],
                shm[0] <= 5 ? "met" : "NOT met", shm[1] <= 5 ? "met" : "NOT met");
        System.out.printf("load average: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double[] run(Map<String, byte[]> os, byte[] app, int seconds, boolean queuing) throws Exception {
        List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(queuing ? queuingSystem() : system(), os,
                Map.of("writer", app, "reader", app),
                seconds * 1000L * MS, console::add, null, null, 0));
        System.out.print(s.format());
        double[] last = lastFigures(console, LATENCY);
        if (last == null) {
            throw new IllegalStateException((queuing ? "queuing" : "sampling")
                    + ": the reader did not collect 1,000 samples in " + seconds + " s");
        }
        return last;
    }

    /** The numbers of the last console line {@code pattern} finds (its groups, in order), or null. */
    static double[] lastFigures(List<String> console, Pattern pattern) {
        double[] last = null;
        synchronized (console) {
            for (String line : console) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    last = new double[m.groupCount()];
                    for (int g = 0; g < last.length; g++) {
                        last[g] = Double.parseDouble(m.group(g + 1));
                    }
                }
            }
        }
        return last;
    }

    private static SystemConfig system() {
        PortConfig out = new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 16, 0, 0);
        PortConfig in = new PortConfig("in", PortKind.SAMPLING, PortDirection.DESTINATION, 16, 0, 0);
        List<PartitionConfig> parts = List.of(partition("writer", 0, PortApps.Writer.class, out),
                partition("reader", 1, PortApps.Reader.class, in));
        List<WindowConfig> windows = List.of(new WindowConfig(0, 0, 10 * MS, "writer"),
                new WindowConfig(1, 0, 10 * MS, "reader"));
        PlanConfig plan = new PlanConfig("normal", List.of(new CoreFrame(0, 10 * MS), new CoreFrame(1, 10 * MS)), windows);
        BoardConfig board = new BoardConfig("hosted", 2, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        ChannelConfig ch = new ChannelConfig("stamps", PortKind.SAMPLING, new PortEndpoint("writer", "out"),
                List.of(new PortEndpoint("reader", "in")), OverflowPolicy.DROP_OLDEST);
        return new SystemConfig("port_benchmark", board, List.of(), parts, List.of(ch), List.of(plan), "normal",
                List.of(), List.of(), List.of(), List.of());
    }

    /** As {@link #system()} with a queuing channel (depth 16, BLOCK) from the queue writer to the queue reader. */
    private static SystemConfig queuingSystem() {
        PortConfig out = new PortConfig("qout", PortKind.QUEUING, PortDirection.SOURCE, 16, 0, 16);
        PortConfig in = new PortConfig("qin", PortKind.QUEUING, PortDirection.DESTINATION, 16, 0, 16);
        SystemConfig s = system();
        List<PartitionConfig> parts = List.of(partition("writer", 0, PortApps.QueueWriter.class, out),
                partition("reader", 1, PortApps.QueueReader.class, in));
        ChannelConfig ch = new ChannelConfig("stamps", PortKind.QUEUING, new PortEndpoint("writer", "qout"),
                List.of(new PortEndpoint("reader", "qin")), OverflowPolicy.BLOCK);
        return new SystemConfig("queue_benchmark", s.board(), List.of(), parts, List.of(ch), s.plans(), "normal",
                List.of(), List.of(), List.of(), List.of());
    }

    private static PartitionConfig partition(String name, int index, Class<?> app, PortConfig port) {
        return new PartitionConfig(name, index, List.of(index), 8L << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, app.getName(), "", 0,
                List.of(new ProcessConfig("main", ProcessKind.PERIODIC, 10 * MS, 10 * MS, 10, 0, 65536)), List.of(port));
    }
}
