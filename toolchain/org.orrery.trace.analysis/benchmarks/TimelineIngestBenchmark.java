// SPDX-License-Identifier: EPL-2.0

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.orrery.trace.analysis.TimelineBuilder;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.analysis.TraceFolder;
import org.orrery.trace.analysis.TraceFollower;
import org.orrery.trace.testing.BusyRun;

/**
 * Events ingested per second by the Timeline's column model against babeltrace2 reading the same trace (text
 * to /dev/null), and against the object timeline the CLI uses. Not part of the test run; run
 * {@code benchmarks/ingest.sh} (it builds the class path from the module's target/classes). Arguments: events
 * (default 1,000,000) and optionally an existing trace folder to read instead of generating one.
 */
public final class TimelineIngestBenchmark {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        long wanted = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir;
        if (args.length > 1) {
            dir = Path.of(args[1]);
        } else {
            dir = Files.createTempDirectory("orrery-timeline-bench").resolve("trace");
            long t = System.nanoTime();
            BusyRun.writeFolder(dir, BusyRun.framesFor(wanted));
            System.out.printf("generated %s in %.0f ms%n", dir, ms(System.nanoTime() - t));
        }
        long bytes = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                bytes += Files.size(p);
            }
        }

        // Wall time and CPU time of each side: on a machine shared with other work the wall-clock ratio swings with
        // the load (2.7x to 6.7x for the first load in two runs of one day), the CPU ratio much less. babeltrace2's
        // CPU is what the shell's `times` reports for its child; ours is the whole process's (JIT threads included,
        // which is most of a first load's extra cost).
        List<Double> babeltrace = new ArrayList<>();
        List<Double> babeltraceCpu = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("bash", "-c", "babeltrace2 \"$1\" > /dev/null && times", "ingest", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String times = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("babeltrace2 exited with " + p.exitValue());
            }
            babeltrace.add(ms(System.nanoTime() - t));
            babeltraceCpu.add(childCpuMs(times));
        }

        long events = 0;
        List<Double> columns = new ArrayList<>();
        List<Double> columnsCpu = new ArrayList<>();
        double cold = 0;
        double coldCpu = 0;
        for (int i = 0; i < RUNS + 1; i++) {
            long c = processCpuNanos();
            long t = System.nanoTime();
            TimelineModel m = TraceFollower.load(dir, TimelineBuilder.EXACT);
            double took = ms(System.nanoTime() - t);
            double cpu = ms(processCpuNanos() - c);
            events = m.events();
            if (i == 0) {
                cold = took;
                coldCpu = cpu;
            } else {
                columns.add(took);
                columnsCpu.add(cpu);
            }
        }
        List<Double> objects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            TraceFolder.load(dir, TimelineBuilder.EXACT);
            objects.add(ms(System.nanoTime() - t));
        }

        double bt = median(babeltrace);
        double col = median(columns);
        System.out.printf("trace: %,d events, %.1f MB%n", events, bytes / 1e6);
        System.out.printf("babeltrace2 DIR > /dev/null: median %.0f ms = %,.0f events/s%n", bt, events / bt * 1e3);
        System.out.printf("Timeline columns (TraceFollower.load, schedule check included): first %.0f ms, median of %d"
                + " %.0f ms = %,.0f events/s%n", cold, RUNS, col, events / col * 1e3);
        System.out.printf("object timeline (TraceFolder.load, CtfReader + records): median %.0f ms = %,.0f events/s%n",
                median(objects), events / median(objects) * 1e3);
        System.out.printf("ratio columns / babeltrace2: %.1fx (first load %.1fx)%n", bt / col, bt / cold);
        double btCpu = median(babeltraceCpu);
        System.out.printf("CPU: babeltrace2 median %.0f ms; Timeline columns first %.0f ms, median %.0f ms; ratio %.1fx "
                + "(first load %.1fx; goal >= 5x)%n", btCpu, coldCpu, median(columnsCpu), btCpu / median(columnsCpu),
                btCpu / coldCpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User + system time of the children from bash's {@code times} (second line: "0m1.234s 0m0.056s"). */
    private static double childCpuMs(String times) {
        String[] lines = times.strip().split("\n");
        double ms = 0;
        for (String part : lines[lines.length - 1].trim().split("\\s+")) {
            int m = part.indexOf('m');
            ms += (Double.parseDouble(part.substring(0, m)) * 60 + Double.parseDouble(part.substring(m + 1, part.length() - 1))) * 1e3;
        }
        return ms;
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
