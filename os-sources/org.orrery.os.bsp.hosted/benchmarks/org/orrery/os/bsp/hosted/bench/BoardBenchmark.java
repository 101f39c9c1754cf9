// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import org.orrery.os.partition.PartitionClassLoader;

/**
 * The hosted board against its baselines, measured in one run: window-start lateness of 1 ms windows (four
 * partitions, two per core) against cyclictest at the same 1 ms period and priority on both cores at once (goal: p99
 * within 1.5x), alternating over rounds and compared by their medians, and board start to first window against a Java
 * hello-world process (goal: within 3x).
 * Usage: BoardBenchmark OS_API_JAR_DIR OS_PARTITION_DIR BENCH_CLASSES [SECONDS] [ROUNDS]
 */
public final class BoardBenchmark {
    private static final long MS = 1_000_000L;
    private static final Pattern LATENESS = Pattern.compile(
            "window-start lateness core (\\d): p50 ([\\d.]+) us, p99 ([\\d.]+) us, max ([\\d.]+) us");
    private static final Pattern FIRST = Pattern.compile("board start to first window: (\\d+) ms");

    private BoardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Map<String, byte[]> os = osModules(args);
        byte[] app = jar(Path.of(args[2]), "org/orrery/os/bsp/hosted/bench/BoardTicker");
        SystemConfig config = system();
        Map<String, byte[]> apps = new TreeMap<>();
        config.partitions().forEach(p -> apps.put(p.name(), app));
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        // per kind (board, cyclictest), core and round: p50, p99
        double[][][] p50 = new double[2][2][rounds];
        double[][][] p99 = new double[2][2][rounds];
        long[] firstMs = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternating rounds, so the machine's own stalls, which come and go, fall on both alike
            RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, os, apps, seconds * 1000L * MS,
                    line -> { }, null, null, 0));
            if (r == 0) {
                System.out.print(s.format());
            }
            for (String line : s.boardReport()) {
                Matcher m = LATENESS.matcher(line);
                if (m.find()) {
                    int core = Integer.parseInt(m.group(1));
                    p50[0][core][r] = Double.parseDouble(m.group(2));
                    p99[0][core][r] = Double.parseDouble(m.group(3));
                    System.out.printf("round %d core %d  board      p50 %6.0f us  p99 %6.0f us  max %7.0f us%n", r + 1,
                            core, p50[0][core][r], p99[0][core][r], Double.parseDouble(m.group(4)));
                }
                Matcher f = FIRST.matcher(line);
                if (f.find()) {
                    firstMs[r] = Long.parseLong(f.group(1));
                }
            }
            // both cores at once, as the board runs them
            Histogram[] cyclic = {new Histogram(100_000), new Histogram(100_000)};
            WakeupBenchmark.collect(WakeupBenchmark.startCyclictest(seconds, "0,1", 1000, 80), cyclic);
            for (int core = 0; core < 2; core++) {
                p50[1][core][r] = cyclic[core].percentileMicros(0.50);
                p99[1][core][r] = cyclic[core].percentileMicros(0.99);
                System.out.printf("round %d core %d  cyclictest %s%n", r + 1, core, cyclic[core].summary());
            }
        }
        for (int core = 0; core < 2; core++) {
            double board50 = median(p50[0][core]);
            double board99 = median(p99[0][core]);
            double cyclic50 = median(p50[1][core]);
            double cyclic99 = median(p99[1][core]);
            System.out.printf("core %d  medians over %d rounds: board p50 %.0f us p99 %.0f us, cyclictest p50 %.0f us"
                    + " p99 %.0f us; ratio p50 %.2f p99 %.2f (goal p99 <= 1.5)%n", core, rounds, board50, board99,
                    cyclic50, cyclic99,
                    board50 / Math.max(1, cyclic50), board99 / Math.max(1, cyclic99));
        }
        long[] hello = new long[5];
        for (int i = 0; i < hello.length; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp", args[2],
                    Hello.class.getName()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            hello[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(hello);
        Arrays.sort(firstMs);
        long first = firstMs[rounds / 2];
        System.out.printf("board start to first window %d ms (median of %d); Java hello-world process %d ms"
                + " (median of 5): ratio %.1f (goal <= 3)%n", first, rounds, hello[2],
                first / (double) Math.max(1, hello[2]));
    }

    /** The median of {@code values} (the upper one of an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static SystemConfig system() {
        List<PartitionConfig> parts = new ArrayList<>();
        List<WindowConfig> windows = new ArrayList<>();
        String[] names = {"a", "b", "c", "d"};
        for (int i = 0; i < 4; i++) {
            int core = i / 2;
            parts.add(new PartitionConfig(names[i], i, List.of(core), 8L << 20, Criticality.C,
                    SchedulingPolicy.FIXED_PRIORITY, 0, BoardTicker.class.getName(), "", 0,
                    List.of(new ProcessConfig("main", ProcessKind.PERIODIC, 2 * MS, 2 * MS, 10, 0, 65536)), List.of()));
            windows.add(new WindowConfig(core, (i % 2) * MS, MS, names[i]));
        }
        PlanConfig plan = new PlanConfig("normal", List.of(new CoreFrame(0, 2 * MS), new CoreFrame(1, 2 * MS)), windows);
        BoardConfig board = new BoardConfig("hosted", 2, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        return new SystemConfig("board_benchmark", board, List.of(), parts, List.of(), List.of(plan), "normal",
                List.of(), List.of(), List.of(), List.of());
    }

    /** The OS modules a partition JVM loads, from the class folders the usage names first (api, partition). */
    static Map<String, byte[]> osModules(String[] args) throws Exception {
        return Map.of("org.orrery.os.api", jar(Path.of(args[0]), null), "org.orrery.os.partition",
                jar(Path.of(args[1]), null));
    }

    /** The classes under {@code root} (those whose path starts with {@code prefix}, when given) as a jar. */
    static byte[] jar(Path root, String prefix) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (prefix == null || name.startsWith(prefix)) {
                    entries.put(name, Files.readAllBytes(f));
                }
            }
        }
        return PartitionClassLoader.jar(entries);
    }
}
