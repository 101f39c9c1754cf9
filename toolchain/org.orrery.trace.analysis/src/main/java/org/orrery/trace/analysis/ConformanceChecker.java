// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * Compares the windows that ran on one core with the plan they claim to belong to. A run of consecutive
 * windows of one plan is anchored on its first window (its configured offset gives the frame's start); every
 * window is then matched to the configured window of the same index in the nearest major frame. The result
 * is the configured overlay for the lane plus the deviations, each with a message naming partition, plan,
 * window and the time difference. Before a core's first window, and throughout when it ran none, it is held to the
 * plans the cores followed from their common epoch ({@link PlanHistory}).
 */
final class ConformanceChecker {

    private final SystemConfig config;
    private final FrameAnchors anchors;
    private final TimelineLabels labels;
    private final long toleranceNs;

    /**
     * Whether the trace comes from a real-time board (its env names a board other than {@code sim}): such a board
     * opens every window, late if it must, so its windows are matched to frames in sequence, never skipped.
     */
    private final boolean inSequence;

    ConformanceChecker(SystemConfig config, long toleranceNs, boolean inSequence) {
        this.inSequence = inSequence;
        this.config = config;
        this.anchors = new FrameAnchors(config);
        this.labels = new TimelineLabels(config);
        this.toleranceNs = toleranceNs;
    }

    /** The epoch and plan history {@link #check} holds every core to, worked out once for all cores' windows. */
    PlanHistory history(List<List<WindowSpan>> ranByCore, TraceCoverage coverage) {
        return new PlanHistory(config, anchors, ranByCore, coverage);
    }

    /**
     * Adds the configured overlay to {@code configured} and the deviations to {@code deviations}.
     *
     * @param history what {@link #history} gives for all cores' windows
     */
    void check(int core, List<WindowSpan> ran, PlanHistory history, TraceCoverage coverage, long traceEndNs,
            List<WindowSpan> configured, List<Deviation> deviations) {
        long traceStartNs = coverage.startNs();
        if (ran.isEmpty()) {
            // No window of its own anchors the core's frames (its engine never opened one, or its stream is lost):
            // without the other cores' plans every window it was given would pass unchecked.
            expectPlans(core, history, Long.MAX_VALUE, coverage.knownFromNs(core), traceEndNs, -1, configured,
                    deviations);
            return;
        }
        for (int i = 0, j; i < ran.size(); i = j) {
            j = FrameAnchors.runEnd(ran, i);
            long segmentEnd = j < ran.size() ? ran.get(j).startNs() : traceEndNs;
            long firstFrame = checkSegment(core, ran.subList(i, j), segmentEnd, traceStartNs, traceEndNs, configured,
                    deviations);
            if (i == 0) {
                leadIn(core, ran.get(0).planIndex(), firstFrame, history, coverage, traceEndNs, configured, deviations);
            }
        }
    }

    /**
     * The frames before a core's first window. Anchored on that window alone, a core whose first window came late
     * (it missed whole frames at the start) would pass those frames unchecked; but its frames began at the epoch
     * with every other core's, so each configured window wholly between there and the first frame it ran never
     * opened. Only where its stream is known ({@link TraceCoverage#knownFromNs}): a trace whose start was cut must
     * not invent missing windows before its data begins.
     */
    private void leadIn(int core, int firstPlan, long firstFrameNs, PlanHistory history, TraceCoverage coverage,
            long traceEndNs, List<WindowSpan> configured, List<Deviation> deviations) {
        long from = Math.max(history.epochNs(), coverage.knownFromNs(core));
        if (firstFrameNs - from <= toleranceNs) {
            return; // the usual case: the core's first frame is the epoch's (a real-time board's within the tolerance)
        }
        expectPlans(core, history, firstFrameNs, from, traceEndNs, firstPlan, configured, deviations);
    }

    /**
     * Expects {@code core} to have followed the history's plans until {@code untilNs}, reporting windows wholly after
     * {@code fromNs}. The stretch of {@code ownPlan} that ends at {@code untilNs} counts its frames back from there,
     * the start of the core's own first frame in it, rather than from the other cores' (their frames may be longer,
     * or measured a little late).
     */
    private void expectPlans(int core, PlanHistory history, long untilNs, long fromNs, long traceEndNs, int ownPlan,
            List<WindowSpan> configured, List<Deviation> deviations) {
        List<PlanHistory.PlanStart> plans = history.plans();
        for (int k = 0; k < plans.size() && plans.get(k).frameStartNs() < Math.min(untilNs, traceEndNs); k++) {
            PlanHistory.PlanStart p = plans.get(k);
            long end = Math.min(k + 1 < plans.size() ? plans.get(k + 1).frameStartNs() : Long.MAX_VALUE,
                    Math.min(untilNs, traceEndNs));
            long frames = p.frameStartNs();
            if (p.plan() == ownPlan && end == untilNs) {
                long major = anchors.plan(ownPlan).flatMap(c -> FrameAnchors.frameOf(c, core))
                        .map(f -> f.majorFrameNs()).orElse(0L);
                frames = major == 0 ? untilNs : untilNs - Math.floorDiv(untilNs - frames + major / 2, major) * major;
            }
            expectFrames(core, p.plan(), frames, end, fromNs, traceEndNs, Set.of(), configured, deviations);
        }
    }

    /** Checks one run of a plan's windows; returns the start of its first frame (its first window's if none). */
    private long checkSegment(int core, List<WindowSpan> ran, long segmentEnd, long traceStartNs, long traceEndNs,
            List<WindowSpan> configured, List<Deviation> deviations) {
        int planIndex = ran.get(0).planIndex();
        Optional<PlanConfig> plan = anchors.plan(planIndex);
        Optional<CoreFrame> frame = plan.flatMap(p -> FrameAnchors.frameOf(p, core));
        if (plan.isEmpty() || frame.isEmpty()) {
            for (WindowSpan w : ran) {
                deviations.add(new Deviation(core, w.startNs(), DeviationKind.UNEXPECTED_WINDOW,
                        "core " + core + " ran a window of plan " + labels.plan(planIndex)
                                + ", which has no major frame on this core"));
            }
            return ran.get(0).startNs();
        }
        List<WindowConfig> table = plan.get().windows();
        long major = frame.get().majorFrameNs();
        long epoch = anchors.firstFrameStart(core, ran);

        Set<Long> matched = new HashSet<>();
        // A window belongs to the frame after the one its previous run belonged to (a window index occurs once per
        // frame, and a board that opens late catches up with a burst of windows at almost one instant, each in its
        // own frame and cut short), unless it ran as a whole window on time for a later frame: the windows in
        // between never opened.
        java.util.Map<Integer, Long> lastFrame = new java.util.HashMap<>();
        for (WindowSpan w : ran) {
            if (!FrameAnchors.validIndex(table, w.windowIndex()) || table.get(w.windowIndex()).core() != core) {
                deviations.add(new Deviation(core, w.startNs(), DeviationKind.UNEXPECTED_WINDOW,
                        "core " + core + " ran window " + w.windowIndex() + " of plan " + labels.plan(planIndex)
                                + ", which the plan does not give to this core"));
                continue;
            }
            WindowConfig cw = table.get(w.windowIndex());
            long frameNo = Math.floorDiv(w.startNs() - epoch - cw.startNs() + major / 2, major);
            Long previous = lastFrame.get(w.windowIndex());
            if (previous != null && inSequence) {
                frameNo = previous + 1;
            } else if (previous != null && frameNo != previous + 1) {
                long onTimeFor = w.startNs() - (epoch + frameNo * major + cw.startNs());
                boolean whole = w.durationNs() >= cw.durationNs() / 2;
                boolean onTime = Math.abs(onTimeFor) <= Math.min(toleranceNs, major / 2);
                frameNo = frameNo > previous + 1 && onTime && whole ? frameNo : previous + 1;
            }
            lastFrame.put(w.windowIndex(), frameNo);
            matched.add(frameNo * table.size() + w.windowIndex());
            compare(core, w, cw, epoch + frameNo * major + cw.startNs(), traceEndNs, deviations);
        }
        expectFrames(core, planIndex, epoch, segmentEnd, traceStartNs, traceEndNs, matched, configured, deviations);
        return epoch;
    }

    /**
     * Adds {@code core}'s windows of plan {@code planIndex}, in the frames from {@code epoch} until
     * {@code segmentEnd}, to the overlay where the trace overlaps them, and reports each one wholly inside both that
     * is not in {@code matched} (frame number * table size + window index) as never opened. A plan that gives the
     * core no frame idles it: nothing to expect.
     */
    private void expectFrames(int core, int planIndex, long epoch, long segmentEnd, long traceStartNs,
            long traceEndNs, Set<Long> matched, List<WindowSpan> configured, List<Deviation> deviations) {
        Optional<PlanConfig> plan = anchors.plan(planIndex);
        Optional<CoreFrame> frame = plan.flatMap(p -> FrameAnchors.frameOf(p, core));
        if (frame.isEmpty()) {
            return;
        }
        List<WindowConfig> table = plan.get().windows();
        long major = frame.get().majorFrameNs();
        for (long frameStart = epoch; frameStart < segmentEnd; frameStart += major) {
            long frameNo = (frameStart - epoch) / major;
            for (int idx = 0; idx < table.size(); idx++) {
                WindowConfig cw = table.get(idx);
                if (cw.core() != core) {
                    continue;
                }
                long start = frameStart + cw.startNs();
                long end = start + cw.durationNs();
                if (end < traceStartNs || start > traceEndNs) {
                    continue;
                }
                int partition = config.partitionIndex(cw.partition());
                configured.add(new WindowSpan(core, start, end, partition, planIndex, idx, false));
                boolean wholeInside = start >= traceStartNs && end <= Math.min(segmentEnd, traceEndNs);
                if (wholeInside && !matched.contains(frameNo * table.size() + idx)) {
                    deviations.add(new Deviation(core, start, DeviationKind.MISSING_WINDOW,
                            "window " + idx + " of plan " + labels.plan(planIndex) + " (partition " + cw.partition()
                                    + ") was configured at " + TimelineLabels.time(start) + " but never opened"));
                }
            }
        }
    }

    private void compare(int core, WindowSpan w, WindowConfig cw, long expectedStart, long traceEndNs,
            List<Deviation> deviations) {
        // Named only when there is something to say: a long trace compares many thousands of windows.
        Supplier<String> which = () -> "window " + w.windowIndex() + " of plan "
                + labels.plan(w.planIndex()) + " (partition " + cw.partition() + ")";
        int expectedPartition = config.partitionIndex(cw.partition());
        if (w.partition() != expectedPartition) {
            deviations.add(new Deviation(core, w.startNs(), DeviationKind.WRONG_PARTITION,
                    which.get() + " ran partition " + labels.partition(w.partition())));
        }
        long shift = w.startNs() - expectedStart;
        if (shift > toleranceNs) {
            deviations.add(new Deviation(core, w.startNs(), DeviationKind.LATE_START,
                    which.get() + " opened " + TimelineLabels.time(shift) + " late at "
                            + TimelineLabels.time(w.startNs())));
        } else if (shift < -toleranceNs) {
            deviations.add(new Deviation(core, w.startNs(), DeviationKind.EARLY_START,
                    which.get() + " opened " + TimelineLabels.time(-shift) + " early at "
                            + TimelineLabels.time(w.startNs())));
        }
        if (w.overrun()) {
            deviations.add(new Deviation(core, w.endNs(), DeviationKind.OVERRUN,
                    which.get() + " overran: the partition did not yield at " + TimelineLabels.time(w.endNs())));
        } else if (w.endNs() < traceEndNs && w.durationNs() < cw.durationNs() - toleranceNs) {
            deviations.add(new Deviation(core, w.endNs(), DeviationKind.SHORT_WINDOW,
                    which.get() + " closed after " + TimelineLabels.time(w.durationNs()) + " instead of "
                            + TimelineLabels.time(cw.durationNs())));
        }
    }
}
