// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.orrery.os.bsp.hosted.HostedBoardSupport;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/**
 * Round trip of a kernel call from a partition process on the hosted board: {@link org.orrery.os.api.Partition#now()}
 * from the process thread of a partition whose window fills core 0's 10 ms frame, timed around the call in the
 * partition (after the first call of each activation). Baseline in the same run: a plain round trip of the same size
 * between two threads of two JVMs over a Unix socket pair ({@link SocketPingPong}).
 * With {@code busy}, a neighbour on core 1 runs its own code 8 ms of each 10 ms; with {@code shared}, the caller shares
 * core 0 with that neighbour (5 ms windows each, frozen and thawed at each edge).
 * Usage: CallBenchmark OS_API_DIR OS_PARTITION_DIR BENCH_CLASSES [SECONDS, default 10] [alone|busy|shared]
 */
public final class CallBenchmark {
    private static final long MS = 1_000_000L;
    private static final Pattern CALLS = Pattern.compile("calls p50 ([\\d.]+) p99 ([\\d.]+) max ([\\d.]+) us over (\\d+)");

    private CallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String layout = args.length > 4 ? args[4] : "alone";
        Map<String, byte[]> os = BoardBenchmark.osModules(args);
        byte[] app = BoardBenchmark.jar(Path.of(args[2]), "org/orrery/os/bsp/hosted/bench/CallApps");
        List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(system(layout), os, Map.of("caller", app, "busy", app), seconds * 1000L * MS,
                console::add, null, null, 0));
        System.out.print(s.format());
        double[] last = PortBenchmark.lastFigures(console, CALLS);
        if (last == null) {
            throw new IllegalStateException("the caller did not report 2,000 calls in " + seconds + " s: " + console);
        }
        double[] ping = SocketPingPong.measure(Path.of(args[2]), last[3] > 0 ? (int) last[3] : 20_000);
        System.out.printf("layout: %s%n", layout);
        System.out.printf("kernel call  : p50 %8.2f us  p99 %8.2f us  max %9.2f us  (%.0f calls)%n", last[0], last[1],
                last[2], last[3]);
        System.out.printf("socket ping  : p50 %8.2f us  p99 %8.2f us  max %9.2f us  (two JVMs, Unix socket)%n", ping[0],
                ping[1], ping[2]);
        System.out.printf("ratio call/ping: p50 %.2f  p99 %.2f%n", last[0] / ping[0], last[1] / ping[1]);
        System.out.printf("load average: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static SystemConfig system(String layout) {
        List<WindowConfig> windows = switch (layout) {
            case "alone" -> List.of(new WindowConfig(0, 0, 10 * MS, "caller"));
            case "busy" -> List.of(new WindowConfig(0, 0, 10 * MS, "caller"), new WindowConfig(1, 0, 10 * MS, "busy"));
            case "shared" -> List.of(new WindowConfig(0, 0, 5 * MS, "caller"), new WindowConfig(0, 5 * MS, 5 * MS, "busy"));
            default -> throw new IllegalArgumentException("layout alone, busy or shared, not " + layout);
        };
        PlanConfig plan = new PlanConfig("normal", List.of(new CoreFrame(0, 10 * MS), new CoreFrame(1, 10 * MS)), windows);
        BoardConfig board = new BoardConfig("hosted", 2, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        List<PartitionConfig> parts = new ArrayList<>(List.of(partition("caller", 0, 0, CallApps.Caller.class)));
        if (!layout.equals("alone")) {
            parts.add(partition("busy", 1, layout.equals("busy") ? 1 : 0, CallApps.Busy.class));
        }
        return new SystemConfig("call_benchmark", board, List.of(), parts, List.of(), List.of(plan), "normal",
                List.of(), List.of(), List.of(), List.of());
    }

    private static PartitionConfig partition(String name, int index, int core, Class<?> app) {
        return new PartitionConfig(name, index, List.of(core), 8L << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, app.getName(), "", 0,
                List.of(new ProcessConfig("main", ProcessKind.PERIODIC, 10 * MS, 10 * MS, 10, 0, 65536)), List.of());
    }
}
