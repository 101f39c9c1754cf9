// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfWriter;
import org.orrery.trace.testing.BusyRun;
import org.orrery.trace.testing.TimelineSystems;

/** The column model read from real CTF folders: whole, packet by packet while written, and cut mid-packet. */
class TraceFollowerTest {

    private static final Comparator<Span> BY_START = Comparator.comparingLong(Span::startNs)
            .thenComparingLong(Span::endNs).thenComparing(Object::toString);

    @TempDir
    Path dir;

    /** Small enough to be read on the calling thread, and large enough to be read by a thread per stream. */
    @ParameterizedTest
    @ValueSource(ints = {2 * BusyRun.LATE_EVERY, 6 * BusyRun.LATE_EVERY})
    void aFolderReadIntoColumnsShowsWhatTheObjectTimelineShows(int frames) throws IOException {
        Path trace = BusyRun.writeFolder(dir.resolve("busy"), frames);
        long bytes = Files.size(trace.resolve("stream_0")) + Files.size(trace.resolve("stream_1"));
        assertEquals(frames > 2 * BusyRun.LATE_EVERY, bytes >= TraceFollower.PARALLEL_MIN_BYTES, bytes + " bytes");
        Timeline objects = TraceFolder.load(trace, TimelineBuilder.EXACT);
        TimelineModel columns = TraceFollower.load(trace, TimelineBuilder.EXACT);

        assertEquals(objects.startNs(), columns.startNs());
        assertEquals(objects.endNs(), columns.endNs());
        assertEquals(objects.deviations(), columns.deviations());
        assertEquals(frames / BusyRun.LATE_EVERY, columns.deviations().size(),
                "one late start every " + BusyRun.LATE_EVERY + " frames");
        assertEquals(DeviationKind.LATE_START, columns.deviations().get(0).kind());
        for (int core = 0; core < 2; core++) {
            CoreLane expected = objects.lane(core);
            LaneColumns lane = columns.lane(core);
            assertEquals(expected.windows().all(), lane.windowSpans(columns.endNs()), "windows of core " + core);
            assertEquals(sorted(expected.configured().all()), sorted(range(lane.configured().size(),
                    lane::configuredWindow)), "configured windows of core " + core);
            List<ProcessSpan> processes = range(lane.processes().size(), lane::processSpan);
            processes.addAll(lane.openProcessStates(columns.endNs()));
            assertEquals(sorted(expected.processes().all()), sorted(processes), "process states of core " + core);
            assertEquals(expected.markers(), range(lane.markers().size(), i -> lane.markers().marker(lane.core(), i)));
            assertTrue(lane.processes().size() > 1_000, "a busy lane: " + lane.processes().size());
        }
        assertEquals(contents(TraceFollower.load(trace, TimelineBuilder.EXACT, 1)),
                contents(TraceFollower.load(trace, TimelineBuilder.EXACT, 2)), "read on one thread and on two");
    }

    @Test
    void packetsAppendedWhileTheTraceIsWrittenAddUpToTheWholeTrace() throws IOException {
        Path live = dir.resolve("live");
        TraceFollower follower;
        long polledEvents = 0;
        int polls = 0;
        try (CtfWriter writer = BusyRun.writer(live, 64)) {
            follower = TraceFollower.open(live, TimelineBuilder.EXACT);
            for (int frame = 0; frame < 40; frame++) {
                BusyRun.emit(writer, frame, 1);
                long added = follower.poll();
                polledEvents += added;
                polls += added > 0 ? 1 : 0;
                assertTrue(follower.model().events() <= writer.eventsWritten());
            }
        }
        polledEvents += follower.poll();
        follower.model().checkSchedule();

        assertTrue(polls > 30, "the trace grew under the follower (" + polls + " polls found packets)");
        assertEquals(40 * BusyRun.eventsPerFrame(), polledEvents);
        assertEquals(contents(TraceFollower.load(live, TimelineBuilder.EXACT)), contents(follower.model()));
    }

    @Test
    void aPacketStillBeingWrittenIsLeftUntilItIsComplete() throws IOException {
        Path whole = BusyRun.writeFolder(dir.resolve("whole"), 12);
        Path growing = Files.createDirectory(dir.resolve("growing"));
        for (String name : List.of("metadata", ConfigFormat.TRACE_COMPANION_FILE, "stream_1")) {
            Files.copy(whole.resolve(name), growing.resolve(name));
        }
        byte[] stream0 = Files.readAllBytes(whole.resolve("stream_0"));
        int lastPacket = lastPacketOffset(stream0);
        int cut = lastPacket + (stream0.length - lastPacket) / 2;
        Files.write(growing.resolve("stream_0"), Arrays.copyOf(stream0, cut));

        TraceFollower follower = TraceFollower.open(growing, TimelineBuilder.EXACT);
        long first = follower.poll();
        TimelineModel complete = TraceFollower.load(whole, TimelineBuilder.EXACT);
        assertTrue(first > 0 && first < complete.events(), "the complete packets: " + first);
        assertEquals(0, follower.poll(), "nothing new while the packet is unfinished");

        Files.write(growing.resolve("stream_0"), Arrays.copyOfRange(stream0, cut, stream0.length),
                StandardOpenOption.APPEND);
        follower.poll();
        follower.model().checkSchedule();
        assertEquals(contents(complete), contents(follower.model()));
    }

    @Test
    void whileATraceGrowsACoreAPacketBehindHasNotMissedItsWindows() throws IOException {
        Path trace = dir.resolve("behind");
        try (CtfWriter writer = BusyRun.writer(trace, 64)) {
            BusyRun.emit(writer, 0, 30);
        }
        byte[] stream1 = Files.readAllBytes(trace.resolve("stream_1"));
        Files.write(trace.resolve("stream_1"), Arrays.copyOf(stream1, lastPacketOffset(stream1) / 2));
        TimelineModel m = TraceFollower.load(trace, TimelineBuilder.EXACT);
        assertTrue(m.lane(1).newestNs() < m.lane(0).newestNs() - 100 * BusyRun.MS, "core 1 is behind");

        m.checkSchedule();
        assertTrue(m.deviations().stream().anyMatch(d -> d.kind() == DeviationKind.MISSING_WINDOW),
                "as a complete trace, core 1 stopped running its windows");
        m.checkScheduleSoFar();
        assertEquals(List.of(), m.deviations().stream().filter(d -> d.kind() != DeviationKind.LATE_START).toList(),
                "so far, nothing is missing");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCoreThatRanNoWindowMissesItsWindowsInTheColumnsAsInTheObjectTimeline(boolean streamLost)
            throws IOException, ConfigException {
        Path trace = TimelineSystems.coreOneSilent(3).writeFolder(dir.resolve("silent"), TimelineSystems.twoCores());
        if (streamLost) {
            Files.delete(trace.resolve("stream_1"));
        }
        TimelineModel columns = TraceFollower.load(trace, TimelineBuilder.EXACT);

        assertEquals(TraceFolder.load(trace, TimelineBuilder.EXACT).deviations(), columns.deviations());
        assertEquals(List.of(0L, 10 * BusyRun.MS), columns.deviations().stream().map(Deviation::timeNs).toList());
        assertTrue(columns.deviations().stream().allMatch(d -> d.core() == 1
                && d.kind() == DeviationKind.MISSING_WINDOW), columns.deviations().toString());
        assertEquals(3, columns.lane(1).configured().size(), "the configured overlay of core 1");
    }

    @Test
    void aCoreWhoseFirstWindowCameLateMissesTheFramesBeforeItInTheColumnsAsInTheObjectTimeline()
            throws IOException, ConfigException {
        Path trace = TimelineSystems.coreOneLate(4, 2).writeFolder(dir.resolve("late"), TimelineSystems.twoCores());
        TimelineModel columns = TraceFollower.load(trace, TimelineBuilder.EXACT);

        assertEquals(TraceFolder.load(trace, TimelineBuilder.EXACT).deviations(), columns.deviations());
        assertEquals(List.of(0L, 10 * BusyRun.MS), columns.deviations().stream().map(Deviation::timeNs).toList());
        assertTrue(columns.deviations().stream().allMatch(d -> d.core() == 1
                && d.kind() == DeviationKind.MISSING_WINDOW), columns.deviations().toString());
        assertEquals(4, columns.lane(1).configured().size(), "the configured overlay of core 1, from boot");
    }

    @Test
    void whileATraceGrowsALateCoresMissedFramesAppearWithItsFirstWindow() throws IOException {
        Path trace = dir.resolve("growing-late");
        List<List<Long>> seen = new ArrayList<>();
        try (CtfWriter writer = BusyRun.writer(trace, 64)) {
            TraceFollower follower = TraceFollower.open(trace, TimelineBuilder.EXACT);
            for (int frame = 0; frame < 4; frame++) {
                long t = frame * 10 * BusyRun.MS;
                window(writer, 0, t, t + 4 * BusyRun.MS, 0, 0);
                window(writer, 0, t + 5 * BusyRun.MS, t + 9 * BusyRun.MS, 2, 1);
                if (frame >= 2) {
                    window(writer, 1, t, t + 10 * BusyRun.MS, 1, 2);
                }
                writer.flush();
                follower.poll();
                follower.model().checkScheduleSoFar();
                seen.add(follower.model().deviations().stream().map(Deviation::timeNs).toList());
            }
        }

        // until core 1's first packet arrives it is a core a packet behind; with it, the frames it missed since boot
        assertEquals(List.of(List.of(), List.of(), List.of(0L, 10 * BusyRun.MS), List.of(0L, 10 * BusyRun.MS)), seen);
    }

    @Test
    void aLiveTraceJoinedLateInventsNoMissingWindowsInTheColumnsAsInTheObjectTimeline()
            throws IOException, ConfigException {
        // the follower joined when core 1's stream had reached its window of frame 2: frames 0 and 1 are not in it
        Path trace = TimelineSystems.coreOneLate(4, 2).env(java.util.Map.of("board", "sim", "live", "1"))
                .writeFolder(dir.resolve("joined"), TimelineSystems.twoCores());
        TimelineModel columns = TraceFollower.load(trace, TimelineBuilder.EXACT);

        assertEquals(List.of(), columns.deviations());
        assertEquals(TraceFolder.load(trace, TimelineBuilder.EXACT).deviations(), columns.deviations());
        assertEquals(2, columns.lane(1).configured().size(), "the overlay where core 1's stream tells");
    }

    /** Whole window on {@code core}: its start and end events. */
    private static void window(CtfWriter writer, int core, long startNs, long endNs, int partition, int window) {
        writer.event(core, startNs, TraceEventType.WINDOW_START.id(), partition, window, 0);
        writer.event(core, endNs, TraceEventType.WINDOW_END.id(), partition, window, 0);
    }

    @Test
    void discardedEventsAreReportedAndADamagedPacketIsNamed() throws IOException {
        Path trace = dir.resolve("dropped");
        TraceBuffer small = new TraceBuffer(1, 4);
        try (CtfWriter writer = BusyRun.writer(trace, 64)) {
            BusyRun.emit(writer, 0, 1);
            for (int i = 0; i < 10; i++) {
                small.emit(20_000_000L + i, TraceEventType.USER_EVENT, 1, 7, i);
            }
            writer.drain(small);
        }
        assertEquals(6, TraceFollower.load(trace, TimelineBuilder.EXACT).discarded());

        byte[] bytes = Files.readAllBytes(trace.resolve("stream_0"));
        int second = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(48) / 8;
        bytes[second] ^= 0x55;
        Files.write(trace.resolve("stream_0"), bytes);
        IOException e = assertThrows(IOException.class, () -> TraceFollower.load(trace, TimelineBuilder.EXACT));
        assertTrue(e.getMessage().endsWith("stream_0 at byte " + second + ": bad packet magic 0x" + String.format(
                "%08X", ByteBuffer.wrap(bytes, second, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static int lastPacketOffset(byte[] stream) {
        ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        int last = 0;
        while (offset < stream.length) {
            last = offset;
            offset += (int) (b.getLong(offset + 48) / 8);
        }
        return last;
    }

    private static <T> List<T> range(int n, java.util.function.IntFunction<T> item) {
        List<T> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(item.apply(i));
        }
        return all;
    }

    private static <S extends Span> List<S> sorted(List<S> spans) {
        List<S> copy = new ArrayList<>(spans);
        copy.sort(BY_START);
        return copy;
    }

    /** Everything the view draws of a model, the summary pyramid included. */
    private static List<Object> contents(TimelineModel m) {
        List<Object> all = new ArrayList<>(List.of(m.startNs(), m.endNs(), m.events(), m.discarded(), m.deviations()));
        for (int core = 0; core < m.cores(); core++) {
            LaneColumns lane = m.lane(core);
            all.add(range(lane.windows().size(), lane::window));
            all.add(range(lane.configured().size(), lane::configuredWindow));
            all.add(range(lane.processes().size(), lane::processSpan));
            all.add(range(lane.markers().size(), i -> lane.markers().marker(lane.core(), i)));
            all.add(String.valueOf(lane.openWindow(m.endNs())));
            all.add(sorted(lane.openProcessStates(m.endNs())));
            for (TimeColumns c : List.of(lane.windows(), lane.processes(), lane.markers())) {
                for (int level = 0; level <= c.levels(); level++) {
                    for (int k = 0; k < c.nodes(level); k++) {
                        Summary s = new Summary();
                        c.node(level, k, s);
                        all.add(s.toString());
                    }
                }
            }
        }
        return all;
    }
}
