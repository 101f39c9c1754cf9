// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfStream;
import org.orrery.os.trace.ctf.CtfTrace;
import org.orrery.trace.analysis.Deviation;
import org.orrery.trace.analysis.DeviationKind;
import org.orrery.trace.analysis.Timeline;
import org.orrery.trace.analysis.TimelineBuilder;

/**
 * Checks a recorded run (a trace folder from {@code orrery run --trace} or a Studio launch) against the schedule
 * of a configuration, and words the result. The CLI's {@code orrery trace check} prints exactly this, so a CI
 * log and a Studio console report a run the same way.
 */
public final class TraceCheck {

    private TraceCheck() {
    }

    /** Exact timing: on the simulated board windows open on the nanosecond. */
    public static Result check(SystemConfig config, Path traceDir) throws IOException {
        return check(config, traceDir, TimelineBuilder.EXACT);
    }

    /**
     * @param toleranceNs how far a window may open from its configured offset before it is late or early
     * @throws IOException naming the file when the trace cannot be read, or when it was recorded from a system
     *                     whose partitions or cores differ from {@code config} (its event numbers would then
     *                     name the wrong partitions, and every line would mislead)
     */
    public static Result check(SystemConfig config, Path traceDir, long toleranceNs) throws IOException {
        CtfTrace trace = CtfReader.read(traceDir);
        requireSameNumbering(config, traceDir);
        requireStreamPerScheduledCore(config, trace, traceDir);
        return new Result(TimelineBuilder.build(trace, config, toleranceNs), trace.discarded());
    }

    /**
     * The folder's companion configuration (what the run booted) may legitimately differ from {@code config} in
     * its schedule, which is what a check is for, but not in what the trace's indexes refer to.
     */
    private static void requireSameNumbering(SystemConfig config, Path traceDir) throws IOException {
        Path companion = traceDir.resolve(ConfigFormat.TRACE_COMPANION_FILE);
        if (!Files.isRegularFile(companion)) {
            return; // a bare CTF folder: nothing to compare, trust the caller
        }
        SystemConfig booted;
        try {
            booted = ConfigReader.read(Files.readAllBytes(companion));
        } catch (ConfigException e) {
            throw new IOException(companion + ": " + e.getMessage(), e);
        }
        if (!numbering(booted).equals(numbering(config))) {
            throw new IOException(traceDir + ": recorded from system '" + booted.name() + "' (" + numbering(booted)
                    + "), which the configuration '" + config.name() + "' (" + numbering(config)
                    + ") does not number the same way; its partition and core numbers would be misread");
        }
    }

    /**
     * A run writes a stream for every core, idle or not, so a core the schedule gives windows but the folder holds
     * no stream for is a lost file, not a quiet core. The conformance check would report each of that core's
     * windows as never opened, as for a core whose engine stopped: naming the file says what went wrong instead.
     */
    private static void requireStreamPerScheduledCore(SystemConfig config, CtfTrace trace, Path traceDir)
            throws IOException {
        Set<Integer> recorded = new HashSet<>();
        for (CtfStream s : trace.streams()) {
            recorded.add(s.core());
        }
        SortedSet<Integer> missing = new TreeSet<>();
        for (PlanConfig plan : config.plans()) {
            for (WindowConfig w : plan.windows()) {
                if (!recorded.contains(w.core())) {
                    missing.add(w.core());
                }
            }
        }
        if (!missing.isEmpty()) {
            StringJoiner files = new StringJoiner(", ");
            // The writer's file name for a core's stream (CtfWriter), so the message names what to look for.
            missing.forEach(core -> files.add("stream_" + core));
            throw new IOException(traceDir + ": no stream for " + (missing.size() == 1 ? "core " : "cores ")
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (" + files
                    + "), which the schedule gives windows: the trace is incomplete");
        }
    }

    private static String numbering(SystemConfig c) {
        StringJoiner partitions = new StringJoiner(", ", "partitions ", "");
        for (PartitionConfig p : c.partitions()) {
            partitions.add(p.name());
        }
        int cores = c.board().cores();
        return cores + (cores == 1 ? " core, " : " cores, ") + partitions;
    }

    /**
     * What a check found. {@link #lines()} gives one line per deviation in time order,
     * {@code [seconds.nanoseconds] core N KIND: message}, stamped like {@code orrery trace dump} so the two can be
     * read side by side; {@link #summary()} one closing line that starts with {@code summary:}.
     */
    public record Result(Timeline timeline, long discardedEvents) {

        public List<Deviation> deviations() {
            return timeline.deviations();
        }

        public boolean conforms() {
            return timeline.conforms();
        }

        public static String line(Deviation d) {
            return "[" + seconds(d.timeNs()) + "] core " + d.core() + " " + d.kind() + ": " + d.message();
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>(deviations().size());
            for (Deviation d : deviations()) {
                out.add(line(d));
            }
            return out;
        }

        public String summary() {
            Map<DeviationKind, Integer> byKind = new EnumMap<>(DeviationKind.class);
            for (Deviation d : deviations()) {
                byKind.merge(d.kind(), 1, Integer::sum);
            }
            StringBuilder s = new StringBuilder("summary: ").append(deviations().size())
                    .append(deviations().size() == 1 ? " deviation" : " deviations");
            if (!byKind.isEmpty()) {
                StringJoiner kinds = new StringJoiner(", ", " (", ")");
                byKind.forEach((kind, n) -> kinds.add(kind + " " + n));
                s.append(kinds);
            }
            long windows = timeline.lanes().stream().mapToLong(l -> l.windows().size()).sum();
            int cores = timeline.lanes().size();
            s.append(" in ").append(windows).append(windows == 1 ? " window" : " windows").append(" on ")
                    .append(cores).append(cores == 1 ? " core" : " cores").append(", ")
                    .append(seconds(timeline.startNs())).append(" s to ").append(seconds(timeline.endNs()))
                    .append(" s, checked against ").append(timeline.config().name());
            if (conforms()) {
                s.append("; the run conforms");
            }
            if (discardedEvents > 0) {
                // Lost events look like windows that never opened: say so rather than let them pass as the run's.
                s.append("; the tracer discarded ").append(discardedEvents)
                        .append(" events, so some deviations may be gaps in the trace");
            }
            return s.toString();
        }

        /** The deviation lines, then the summary, each ending with a newline. */
        public String format() {
            StringBuilder s = new StringBuilder();
            for (String l : lines()) {
                s.append(l).append('\n');
            }
            return s.append(summary()).append('\n').toString();
        }

        private static String seconds(long ns) {
            return Math.floorDiv(ns, 1_000_000_000L) + "." + String.format(Locale.ROOT, "%09d", Math.floorMod(ns, 1_000_000_000L));
        }
    }
}
