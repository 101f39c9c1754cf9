// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.ctf.CtfEvent;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfStream;
import org.orrery.os.trace.ctf.CtfTrace;

/**
 * Builds the {@link Timeline} of a recorded run: replays each core's CTF stream into spans and markers, then
 * checks the windows against the configuration the image was built from.
 */
public final class TimelineBuilder {

    /** On the simulated board windows open exactly on time; hosted boards need a tolerance. */
    public static final long EXACT = 0;

    private TimelineBuilder() {
    }

    public static Timeline read(Path traceDir, SystemConfig config, long toleranceNs) throws IOException {
        return build(CtfReader.read(traceDir), config, toleranceNs);
    }

    public static Timeline build(CtfTrace trace, SystemConfig config, long toleranceNs) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (CtfStream s : trace.streams()) {
            if (!s.events().isEmpty()) {
                start = Math.min(start, s.events().get(0).timestampNs());
                end = Math.max(end, s.events().get(s.events().size() - 1).timestampNs());
            }
        }
        if (start > end) {
            start = 0;
            end = 0;
        }

        int cores = config.board().cores();
        String board = trace.metadata().env().get("board");
        ConformanceChecker checker = new ConformanceChecker(config, toleranceNs, board != null && !board.equals("sim"));
        List<CoreLane> ran = new ArrayList<>(cores);
        long[] firstEvent = new long[cores];
        long[] discarded = new long[cores];
        for (int core = 0; core < cores; core++) {
            LaneRecorder recorder = new LaneRecorder(core);
            firstEvent[core] = Long.MAX_VALUE;
            for (CtfStream s : trace.streams()) {
                if (s.core() == core) {
                    discarded[core] += s.discarded();
                    if (!s.events().isEmpty()) {
                        firstEvent[core] = Math.min(firstEvent[core], s.events().getFirst().timestampNs());
                    }
                    for (CtfEvent e : s.events()) {
                        recorder.accept(e);
                    }
                }
            }
            ran.add(recorder.finish(end));
        }
        TraceCoverage coverage = TraceCoverage.of(start, trace.metadata().env(), firstEvent, discarded);
        PlanHistory history = checker.history(ran.stream().map(l -> l.windows().all()).toList(), coverage);
        List<CoreLane> lanes = new ArrayList<>(cores);
        List<Deviation> deviations = new ArrayList<>();
        for (CoreLane lane : ran) {
            List<WindowSpan> configured = new ArrayList<>();
            checker.check(lane.core(), lane.windows().all(), history, coverage, end, configured, deviations);
            lanes.add(new CoreLane(lane.core(), lane.windows(), new SpanIndex<>(configured), lane.processes(),
                    lane.markers()));
        }
        deviations.sort(Comparator.comparingLong(Deviation::timeNs).thenComparingInt(Deviation::core));
        return new Timeline(config, start, end, lanes, deviations);
    }
}
