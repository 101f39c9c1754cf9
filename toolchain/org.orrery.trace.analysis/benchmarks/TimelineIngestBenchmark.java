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

        List<Double> babeltrace = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("babeltrace2", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("babeltrace2 exited with " + p.exitValue());
            }
            babeltrace.add(ms(System.nanoTime() - t));
        }

        long events = 0;
        List<Double> columns = new ArrayList<>();
        double cold = 0;
        for (int i = 0; i < RUNS + 1; i++) {
            long t = System.nanoTime();
            TimelineModel m = TraceFollower.load(dir, TimelineBuilder.EXACT);
            double took = ms(System.nanoTime() - t);
            events = m.events();
            if (i == 0) {
                cold = took;
            } else {
                columns.add(took);
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
