// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceSink;

/**
 * The Orrery Timeline's data for traces of any length, also while they grow: per core a {@link LaneColumns}
 * (columns plus level-of-detail summaries), the traced time range, and the deviations from the configured
 * schedule. Events arrive as a {@link TraceSink}, packet by packet ({@link TraceFollower}); {@link #checkSchedule()}
 * recomputes the configured overlay and the deviations from the windows so far. Events of cores the
 * configuration does not have are counted, not drawn.
 *
 * <p>Not thread-safe: the view feeds and draws it on its display thread. {@link TraceFollower} may decode several
 * stream files at once, each through its own {@link StreamSink} (one core's lane each), and adds their totals when
 * all are done.
 */
public final class TimelineModel implements TraceSink {

    private final SystemConfig config;
    private final long toleranceNs;
    private final Map<String, String> env;
    private final boolean realTimeBoard;
    private final LaneColumns[] lanes;
    private final StreamSink totals = new StreamSink();
    private long discarded;
    private long[] discardedByCore;
    private List<Deviation> deviations = List.of();

    /**
     * @param env the trace's metadata env: {@code board} (a board other than {@code sim} has its windows matched to
     *            frames in sequence, see {@link ConformanceChecker}), {@code live} (a live trace starts where its
     *            follower joined, see {@link TraceCoverage})
     */
    public TimelineModel(SystemConfig config, long toleranceNs, Map<String, String> env) {
        this.config = config;
        this.toleranceNs = toleranceNs;
        this.env = Map.copyOf(env);
        String board = env.get("board");
        this.realTimeBoard = board != null && !board.equals("sim");
        this.lanes = new LaneColumns[config.board().cores()];
        this.discardedByCore = new long[lanes.length];
        for (int c = 0; c < lanes.length; c++) {
            lanes[c] = new LaneColumns(c);
        }
    }

    @Override
    public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
        totals.event(core, timestampNs, typeId, f0, f1, f2);
    }

    /**
     * A sink that writes events into this model's lanes but keeps the totals (time range, counts) to itself until
     * {@link #add}: one per stream file, so streams of different cores can be decoded on different threads.
     */
    final class StreamSink implements TraceSink {
        private long startNs = Long.MAX_VALUE;
        private long endNs = Long.MIN_VALUE;
        private long events;
        private long outsideCores;

        @Override
        public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
            if (core < 0 || core >= lanes.length) {
                outsideCores++;
                return;
            }
            lanes[core].accept(timestampNs, typeId, f0, f1, f2);
            startNs = Math.min(startNs, timestampNs);
            endNs = Math.max(endNs, timestampNs);
            events++;
        }
    }

    StreamSink streamSink() {
        return new StreamSink();
    }

    /** Adds what {@code stream} received to the model's totals (on the thread that feeds the model). */
    void add(StreamSink stream) {
        totals.startNs = Math.min(totals.startNs, stream.startNs);
        totals.endNs = Math.max(totals.endNs, stream.endNs);
        totals.events += stream.events;
        totals.outsideCores += stream.outsideCores;
    }

    /** Recomputes the configured overlay and the deviations of a complete trace. */
    public void checkSchedule() {
        check(false);
    }

    /**
     * As {@link #checkSchedule()} for a trace still being written: each core is checked up to its own newest
     * event, since the cores' packets arrive independently and a core a packet behind has not missed its windows.
     */
    public void checkScheduleSoFar() {
        check(true);
    }

    private void check(boolean growing) {
        ConformanceChecker checker = new ConformanceChecker(config, toleranceNs, realTimeBoard);
        List<Deviation> found = new ArrayList<>();
        long[] ends = new long[lanes.length];
        long[] firstEvent = new long[lanes.length];
        List<List<WindowSpan>> ran = new ArrayList<>(lanes.length);
        for (LaneColumns lane : lanes) {
            ends[lane.core()] = growing ? Math.max(startNs(), lane.newestNs()) : endNs();
            firstEvent[lane.core()] = lane.oldestNs();
            ran.add(lane.windowSpans(ends[lane.core()]));
        }
        TraceCoverage coverage = TraceCoverage.of(startNs(), env, firstEvent, discardedByCore);
        PlanHistory history = checker.history(ran, coverage);
        for (LaneColumns lane : lanes) {
            List<WindowSpan> configured = new ArrayList<>();
            checker.check(lane.core(), ran.get(lane.core()), history, coverage, ends[lane.core()], configured, found);
            configured.sort(Comparator.comparingLong(WindowSpan::endNs));
            SpanColumns overlay = new SpanColumns();
            for (WindowSpan w : configured) {
                overlay.add(w.startNs(), w.endNs(), w.partition(), w.partition(), w.planIndex(), w.windowIndex(), 0);
            }
            lane.setConfigured(overlay);
        }
        found.sort(Comparator.comparingLong(Deviation::timeNs).thenComparingInt(Deviation::core));
        deviations = List.copyOf(found);
    }

    public SystemConfig config() {
        return config;
    }

    public int cores() {
        return lanes.length;
    }

    public LaneColumns lane(int core) {
        return lanes[core];
    }

    /** Time of the first event (0 while there is none). */
    public long startNs() {
        return totals.events == 0 ? 0 : totals.startNs;
    }

    /** Time of the newest event (0 while there is none). */
    public long endNs() {
        return totals.events == 0 ? 0 : totals.endNs;
    }

    public long events() {
        return totals.events;
    }

    /** Events recorded for cores the configuration does not have. */
    public long eventsOutsideCores() {
        return totals.outsideCores;
    }

    /** Events the tracer had to drop, as its packets report them. */
    public long discarded() {
        return discarded;
    }

    /** @param byCore what the streams of each of the configuration's cores dropped (the schedule check asks) */
    void setDiscarded(long discarded, long[] byCore) {
        this.discarded = discarded;
        this.discardedByCore = byCore.clone();
    }

    /** Windows that ran (ended or still open), over all cores. */
    public long windows() {
        long n = 0;
        for (LaneColumns l : lanes) {
            n += l.windows().size() + (l.openWindow(totals.endNs) != null ? 1 : 0);
        }
        return n;
    }

    /**
     * Deviations as of the last {@link #checkSchedule()}, by time: an unmodifiable list that each check replaces, so a
     * view can tell by its identity whether the rows it shows may have changed.
     */
    public List<Deviation> deviations() {
        return deviations;
    }

    public boolean conforms() {
        return deviations.isEmpty();
    }

    /** Index of the first deviation at or after {@code timeNs}. */
    public int firstDeviationAtOrAfter(long timeNs) {
        return SpanIndex.firstAtOrAfter(deviations, Deviation::timeNs, timeNs);
    }
}
