// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.trace.testing.TimelineSystems.MS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.trace.testing.TimelineSystems;
import org.orrery.trace.testing.TraceScript;

class TimelineBuilderTest {

    private final SystemConfig config = TimelineSystems.twoCores();

    @TempDir
    Path dir;

    private Timeline timeline(TraceScript run) throws IOException {
        return TimelineBuilder.build(run.writeAndRead(dir.resolve("trace")), config, TimelineBuilder.EXACT);
    }

    @Test
    void aRunThatFollowsItsPlanConformsAndShowsOneLanePerCore() throws IOException {
        Timeline t = timeline(TimelineSystems.conformingRun(3));

        assertTrue(t.conforms(), "no deviations: " + t.deviations());
        assertEquals(2, t.lanes().size());
        assertEquals(0, t.startNs());
        assertEquals(30 * MS, t.endNs());
        CoreLane core0 = t.lane(0);
        assertEquals(6, core0.windows().size());
        assertEquals(6, core0.configured().size(), "configured overlay for three frames");
        WindowSpan second = core0.windows().all().get(1);
        assertEquals(List.of(5 * MS, 9 * MS, 2, 1), List.of(second.startNs(), second.endNs(), second.partition(),
                second.windowIndex()));
        assertEquals(3, t.lane(1).windows().size());
    }

    @Test
    void zoomingReturnsOnlyTheSpansInTheVisibleRange() throws IOException {
        Timeline t = timeline(TimelineSystems.conformingRun(3));
        List<WindowSpan> visible = t.lane(0).windows().overlapping(11 * MS, 14 * MS);
        assertEquals(1, visible.size());
        assertEquals(10 * MS, visible.get(0).startNs());
        assertEquals(3, t.lane(0).configured().overlapping(4 * MS + 1, 15 * MS).size(),
                "frame 0 window 1, frame 1 windows 0 and 1");
    }

    @Test
    void aLateWindowIsFlaggedWithItsDelay() throws IOException {
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(0, 10, 14, 0, 0, 0).window(0, 16, 20, 2, 1, 0).window(1, 10, 20, 1, 2, 0);
        List<Deviation> d = timeline(run).deviations();

        assertEquals(List.of(DeviationKind.LATE_START), d.stream().map(Deviation::kind).toList(), d.toString());
        assertEquals(16 * MS, d.get(0).timeNs());
        assertTrue(d.get(0).message().contains("window 1 of plan normal (partition c) opened 1.000 ms late"),
                d.get(0).message());
    }

    @Test
    void aLateFirstWindowDoesNotShiftTheFramesOfTheWindowsAfterIt() throws IOException {
        // A real-time board's first window opened 3 ms late; the schedule after it kept its plan. Anchored on the
        // first window alone, every later window would look 3 ms early.
        TraceScript run = new TraceScript(2);
        run.window(0, 3, 4, 0, 0, 0).window(0, 5, 9, 2, 1, 0).window(1, 0, 10, 1, 2, 0);
        for (long t = 10; t < 40; t += 10) {
            run.window(0, t, t + 4, 0, 0, 0).window(0, t + 5, t + 9, 2, 1, 0).window(1, t, t + 10, 1, 2, 0);
        }
        List<Deviation> d = timeline(run).deviations();

        assertEquals(List.of(DeviationKind.LATE_START, DeviationKind.SHORT_WINDOW),
                d.stream().map(Deviation::kind).toList(), d.toString());
        assertEquals(3 * MS, d.get(0).timeNs());
    }

    @Test
    void windowsOpenedInABurstAfterAStallAreLateInTheirOwnFramesNotMissing() throws IOException {
        // frames 1 and 2 of core 0 both opened at 21 ms, after a stall: each is late, none is missing
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(1, 10, 20, 1, 2, 0).window(1, 20, 30, 1, 2, 0)
                .window(0, 21, 21, 0, 0, 0).window(0, 21, 21, 2, 1, 0)
                .window(0, 21, 24, 0, 0, 0).window(0, 25, 29, 2, 1, 0);
        List<Deviation> d = timeline(run).deviations();

        assertTrue(d.stream().noneMatch(x -> x.kind() == DeviationKind.MISSING_WINDOW), d.toString());
        List<String> late = d.stream().filter(x -> x.kind() == DeviationKind.LATE_START).map(Deviation::message)
                .toList();
        assertEquals(3, late.size(), d.toString());
        assertTrue(late.get(0).contains("window 0 of plan normal (partition a) opened 11.000 ms late"), late.get(0));
        assertTrue(late.get(1).contains("window 1 of plan normal (partition c) opened 6.000 ms late"), late.get(1));
        assertTrue(late.get(2).contains("window 0 of plan normal (partition a) opened 1.000 ms late"), late.get(2));
    }

    @Test
    void aRealTimeBoardsWindowsAreMatchedInSequenceHoweverLateTheyOpened() throws IOException {
        // a hosted board opened frame 1's window 1 a whole frame late (at 25 ms, planned 15): by time alone it would
        // be frame 2's window 1 on time and frame 1's missing; a real-time board never skips a window
        TraceScript run = TimelineSystems.conformingRun(1).env(java.util.Map.of("board", "hosted"));
        run.window(1, 10, 20, 1, 2, 0).window(1, 20, 30, 1, 2, 0)
                .window(0, 10, 14, 0, 0, 0).window(0, 25, 29, 2, 1, 0)
                .window(0, 29, 30, 0, 0, 0).window(0, 30, 34, 2, 1, 0);
        List<Deviation> d = timeline(run).deviations();

        // (frame 3's first window, due at 30 ms, is rightly missing: the trace ends before the board caught up)
        assertTrue(d.stream().noneMatch(x -> x.kind() == DeviationKind.MISSING_WINDOW && x.timeNs() < 30 * MS),
                d.toString());
        assertTrue(d.stream().anyMatch(x -> x.message().contains("window 1 of plan normal (partition c) opened 10.000 ms "
                + "late")), d.toString());
    }

    @Test
    void aWindowThatNeverOpenedIsReportedMissing() throws IOException {
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(0, 10, 14, 0, 0, 0).window(1, 10, 20, 1, 2, 0).window(0, 20, 24, 0, 0, 0)
                .window(0, 25, 29, 2, 1, 0).window(1, 20, 30, 1, 2, 0);
        List<Deviation> d = timeline(run).deviations();

        assertEquals(List.of(DeviationKind.MISSING_WINDOW), d.stream().map(Deviation::kind).toList(), d.toString());
        assertEquals(15 * MS, d.get(0).timeNs());
    }

    @Test
    void aCoreWhoseStreamHoldsNoWindowMissesEveryWindowWhollyInsideTheTrace() throws IOException {
        TraceScript run = TimelineSystems.coreOneSilent(3);
        Timeline t = timeline(run);

        assertTrue(Files.isRegularFile(dir.resolve("trace").resolve("stream_1")), "core 1 has a stream");
        assertCoreOneMissed(t, List.of(0L, 10 * MS), 3);
    }

    @Test
    void aCoreWithNoStreamAtAllMissesItsWindowsTheSameWay() throws IOException, ConfigException {
        Path folder = TimelineSystems.coreOneSilent(3).writeFolder(dir.resolve("trace"), config);
        Files.delete(folder.resolve("stream_1"));
        Timeline t = TimelineBuilder.build(CtfReader.read(folder), config, TimelineBuilder.EXACT);

        assertCoreOneMissed(t, List.of(0L, 10 * MS), 3);
    }

    @Test
    void aSilentCoreFollowsThePlansTheOtherCoresRan() throws IOException {
        // core 0 leaves "normal" for "maintenance", which gives core 1 no frame, at 20 ms and comes back at 40 ms
        TraceScript run = TimelineSystems.coreOneSilent(2)
                .event(0, 20 * MS, TraceEventType.PLAN_SWITCH, 0, 1, 0)
                .window(0, 20, 30, 0, 0, 1).window(0, 30, 40, 0, 0, 1)
                .event(0, 40 * MS, TraceEventType.PLAN_SWITCH, 1, 0, 0)
                .window(0, 40, 44, 0, 0, 0).window(0, 45, 49, 2, 1, 0)
                .window(0, 50, 54, 0, 0, 0).window(0, 55, 59, 2, 1, 0);

        assertCoreOneMissed(timeline(run), List.of(0L, 10 * MS, 40 * MS), 4);
    }

    @Test
    void whenNoCoreRanAWindowTheInitialPlanIsTheOneMissed() throws IOException {
        SystemConfig c = config;
        SystemConfig maintenanceFirst = new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(),
                c.channels(), c.plans(), "maintenance", c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
        TraceScript run = new TraceScript(2).event(0, 0, TraceEventType.USER_EVENT, 0, 1, 0)
                .event(0, 30 * MS, TraceEventType.USER_EVENT, 0, 1, 1);
        List<Deviation> d = TimelineBuilder.build(run.writeAndRead(dir.resolve("trace")), maintenanceFirst,
                TimelineBuilder.EXACT).deviations();

        assertEquals(List.of(0L, 10 * MS, 20 * MS), d.stream().map(Deviation::timeNs).toList(), d.toString());
        assertTrue(d.stream().allMatch(x -> x.core() == 0 && x.kind() == DeviationKind.MISSING_WINDOW
                && x.message().contains("window 0 of plan maintenance (partition a)")), d.toString());
    }

    @Test
    void aCoreWhoseFirstWindowCameLateMissesTheFramesBeforeIt() throws IOException {
        // core 1 opened its first window at 20 ms, on time for frame 2: the kernel began every core's frames at boot,
        // so its windows of frames 0 and 1 never opened (anchored on its own first window they passed unchecked)
        Timeline t = timeline(TimelineSystems.coreOneLate(4, 2));

        assertCoreOneMissed(t, List.of(0L, 10 * MS), 4);
        assertEquals(List.of(0L, 10 * MS, 20 * MS, 30 * MS),
                t.lane(1).configured().all().stream().map(WindowSpan::startNs).toList(), "the overlay from boot");
    }

    @Test
    void aFirstWindowAtItsPlannedOffsetIsOnTimeAndALateOneMissesTheFramesBeforeIt() throws IOException {
        // core 1's only window is planned 5 ms into its frame: opening at 5 ms is on time, not a frame started late
        SystemConfig offset = withCoreOneWindowAt(5 * MS);
        TraceScript onTime = TimelineSystems.coreOneSilent(3).window(1, 5, 10, 1, 2, 0).window(1, 15, 20, 1, 2, 0)
                .window(1, 25, 30, 1, 2, 0);
        Timeline t = TimelineBuilder.build(onTime.writeAndRead(dir.resolve("on-time")), offset, TimelineBuilder.EXACT);
        assertTrue(t.conforms(), t.deviations().toString());

        // the same window first opened in frame 2: frames 0 and 1 missed it at its offset
        TraceScript late = TimelineSystems.coreOneSilent(3).window(1, 25, 30, 1, 2, 0);
        List<Deviation> d = TimelineBuilder.build(late.writeAndRead(dir.resolve("late")), offset,
                TimelineBuilder.EXACT).deviations();
        assertEquals(List.of(5 * MS, 15 * MS), d.stream().map(Deviation::timeNs).toList(), d.toString());
        assertTrue(d.stream().allMatch(x -> x.core() == 1 && x.kind() == DeviationKind.MISSING_WINDOW), d.toString());
    }

    @Test
    void beforeItsFirstWindowALateCoreFollowedThePlansTheOtherCoresRan() throws IOException {
        // core 0 leaves "normal" for "maintenance" (no frame on core 1) at 20 ms and comes back at 40 ms; core 1's
        // first window opens at 40 ms: it missed normal's frames 0 and 1, and nothing while maintenance idled it
        TraceScript run = TimelineSystems.coreOneSilent(2)
                .event(0, 20 * MS, TraceEventType.PLAN_SWITCH, 0, 1, 0)
                .window(0, 20, 30, 0, 0, 1).window(0, 30, 40, 0, 0, 1)
                .event(0, 40 * MS, TraceEventType.PLAN_SWITCH, 1, 0, 0)
                .window(0, 40, 44, 0, 0, 0).window(0, 45, 49, 2, 1, 0).window(1, 40, 50, 1, 2, 0)
                .window(0, 50, 54, 0, 0, 0).window(0, 55, 59, 2, 1, 0).window(1, 50, 60, 1, 2, 0);

        assertCoreOneMissed(timeline(run), List.of(0L, 10 * MS), 4);
    }

    @Test
    void aLiveTraceIsJudgedFromWhereEachCoresStreamBegins() throws IOException {
        // a live trace begins where its follower joined, on each core with a packet of its own: core 1's stream
        // begins with its first window, so nothing before it is known
        Map<String, String> live = Map.of("board", "sim", "live", "1");
        Timeline t = timeline(TimelineSystems.coreOneLate(4, 2).env(live));
        assertTrue(t.conforms(), t.deviations().toString());

        // here it begins at 1 ms: frame 1's window lies wholly in what it recorded and never opened; frame 0's
        // began before the stream did
        TraceScript run = new TraceScript(2).env(live).event(1, MS, TraceEventType.USER_EVENT, 1, 0, 0);
        List<Deviation> d = timeline(TimelineSystems.coreOneLate(run, 4, 2)).deviations();
        assertEquals(List.of(10 * MS), d.stream().map(Deviation::timeNs).toList(), d.toString());
        assertEquals(DeviationKind.MISSING_WINDOW, d.get(0).kind());
    }

    @Test
    void aStreamThatLostEventsIsJudgedFromItsFirstEvent() throws IOException {
        // a relay that fell off the board's ring counts the oldest packets it never got as discarded: the late first
        // window may be where the kept part of the stream begins, not where the core began running
        Timeline t = timeline(TimelineSystems.coreOneLate(4, 2).discarded(1, 40));

        assertTrue(t.conforms(), t.deviations().toString());
    }

    private SystemConfig withCoreOneWindowAt(long offsetNs) {
        PlanConfig normal = config.plans().get(0);
        List<WindowConfig> windows = new ArrayList<>(normal.windows());
        windows.set(2, new WindowConfig(1, offsetNs, 10 * MS - offsetNs, "b"));
        List<PlanConfig> plans = List.of(new PlanConfig(normal.name(), normal.frames(), windows),
                config.plans().get(1));
        SystemConfig c = config;
        return new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(), plans,
                c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
    }

    /**
     * Only core 1 deviates, each time with a missing window of plan normal, and its lane draws {@code overlay}
     * configured windows (those the trace overlaps, wholly inside or not).
     */
    private static void assertCoreOneMissed(Timeline t, List<Long> times, int overlay) {
        List<Deviation> d = t.deviations();
        assertEquals(times, d.stream().map(Deviation::timeNs).toList(), d.toString());
        assertTrue(d.stream().allMatch(x -> x.core() == 1 && x.kind() == DeviationKind.MISSING_WINDOW), d.toString());
        assertEquals("window 2 of plan normal (partition b) was configured at 10.000 ms but never opened",
                d.get(1).message());
        assertEquals(overlay, t.lane(1).configured().size(), "the configured overlay of core 1");
    }

    @Test
    void overrunWrongPartitionAndShortWindowsAreFlagged() throws IOException {
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(0, 10, 14, 0, 0, 0, true)   // overrun
                .window(0, 15, 17, 2, 1, 0)     // closed after 2 ms of 4
                .window(1, 10, 20, 0, 2, 0)     // partition a in b's window
                .window(0, 20, 24, 0, 0, 0).window(0, 25, 29, 2, 1, 0).window(1, 20, 30, 1, 2, 0);
        List<DeviationKind> kinds = timeline(run).deviations().stream().map(Deviation::kind).toList();

        assertEquals(List.of(DeviationKind.WRONG_PARTITION, DeviationKind.OVERRUN, DeviationKind.SHORT_WINDOW),
                kinds);
    }

    @Test
    void aPlanSwitchReanchorsTheScheduleOnTheNewPlan() throws IOException {
        TraceScript run = TimelineSystems.conformingRun(2);
        run.event(0, 20 * MS, TraceEventType.PLAN_SWITCH, 0, 1, 0)
                .window(0, 20, 30, 0, 0, 1).window(0, 30, 40, 0, 0, 1)
                .window(1, 20, 30, 1, 2, 0).window(1, 30, 40, 1, 2, 0);
        Timeline t = timeline(run);

        assertTrue(t.conforms(), t.deviations().toString());
        TimelineMarker marker = t.lane(0).markersIn(20 * MS, 20 * MS).get(0);
        assertEquals("plan normal -> maintenance", new TimelineLabels(config).describe(marker));
        assertEquals(1, t.lane(0).windowsIn(25 * MS, 26 * MS).get(0).planIndex());
    }

    @Test
    void aWindowFromAnUnknownPlanIsUnexpected() throws IOException {
        TraceScript run = new TraceScript(2).window(0, 0, 4, 0, 0, 7);
        List<Deviation> d = timeline(run).deviations();
        assertEquals(DeviationKind.UNEXPECTED_WINDOW, d.get(0).kind());
        assertTrue(d.get(0).message().contains("plan#7"), d.get(0).message());
    }

    @Test
    void processStatesBecomeSpansAndTrafficBecomesMarkers() throws IOException {
        TraceScript run = new TraceScript(2)
                .event(0, 0, TraceEventType.WINDOW_START, 0, 0, 0)
                .event(0, 0, TraceEventType.PROCESS_STATE, 0, 0, ProcessState.READY.ordinal())
                .event(0, MS, TraceEventType.PROCESS_STATE, 0, 0, ProcessState.RUNNING.ordinal())
                .event(0, 2 * MS, TraceEventType.PORT_SEND, 0, 0, 16)
                .event(0, 3 * MS, TraceEventType.PROCESS_STATE, 0, 0, ProcessState.WAITING.ordinal())
                .event(0, 4 * MS, TraceEventType.WINDOW_END, 0, 0, 0)
                .window(0, 5, 9, 2, 1, 0).window(1, 0, 10, 1, 2, 0);
        Timeline t = timeline(run);

        List<ProcessSpan> spans = t.lane(0).processes().all();
        assertEquals(List.of(ProcessState.READY, ProcessState.RUNNING, ProcessState.WAITING),
                spans.stream().map(ProcessSpan::state).toList());
        assertEquals(List.of(0L, MS, 3 * MS), spans.stream().map(ProcessSpan::startNs).toList());
        assertEquals(10 * MS, spans.get(2).endNs(), "the last state lasts until the end of the trace");
        TimelineMarker send = t.lane(0).markersIn(0, 10 * MS).get(0);
        assertEquals("send a.out (16 B)", new TimelineLabels(config).describe(send));
    }
}
