// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * A long, busy run of {@link TimelineSystems#twoCores()} for scale tests and benchmarks: every 10 ms frame has
 * its three windows, each window its partition's processes switching state every 50 µs and some port traffic,
 * and every {@value #LATE_EVERY}th frame core 0's first window opens 1 ms late (and runs its full 4 ms). About 383
 * events per frame, so a million events are 26 s of board time. Deterministic: same frames, same events.
 */
public final class BusyRun {

    public static final long MS = TraceScript.MS;
    public static final int LATE_EVERY = 97;
    private static final long STATE_STEP_NS = 50_000;
    /** Process state ordinals a process cycles through: READY, RUNNING, WAITING. */
    private static final int[] STATE_CYCLE = {1, 2, 3};

    private BusyRun() {
    }

    /** Frames needed for at least {@code events} events. */
    public static int framesFor(long events) {
        return (int) ((events + eventsPerFrame() - 1) / eventsPerFrame());
    }

    public static long eventsPerFrame() {
        long[] n = {0};
        emitFrame((c, t, id, a, b, d) -> n[0]++, 1);
        return n[0];
    }

    /** Emits frames {@code [first, first + count)} into {@code sink}, each core's events in time order. */
    public static void emit(TraceSink sink, int first, int count) {
        for (int k = first; k < first + count; k++) {
            emitFrame(sink, k);
        }
    }

    /** Writes frames {@code [0, frames)} as a trace folder (CTF plus the configuration companion). */
    public static Path writeFolder(Path dir, int frames) throws IOException {
        try (CtfWriter writer = writer(dir, CtfWriter.DEFAULT_EVENTS_PER_PACKET)) {
            emit(writer, 0, frames);
        }
        return dir;
    }

    /** A writer for this run's folder, with its configuration companion already in place. */
    public static CtfWriter writer(Path dir, int eventsPerPacket) throws IOException {
        CtfWriter writer = new CtfWriter(dir, UUID.nameUUIDFromBytes(new byte[] {14}), 2, Map.of("board", "sim"),
                eventsPerPacket);
        try {
            Files.write(dir.resolve(ConfigFormat.TRACE_COMPANION_FILE), ConfigWriter.write(TimelineSystems.twoCores()));
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        return writer;
    }

    private static void emitFrame(TraceSink sink, int k) {
        long t0 = k * 10 * MS;
        long late = k % LATE_EVERY == LATE_EVERY - 1 ? MS : 0;
        // core 0: partition a (0) in window 0 at 0-4 ms, partition c (2) in window 1 at 5-9 ms
        window(sink, 0, t0 + late, t0 + late + 4 * MS, 0, 0, 2);
        window(sink, 0, t0 + 5 * MS, t0 + 9 * MS, 2, 1, 2);
        // core 1: partition b (1) in window 2 for the whole frame
        window(sink, 1, t0, t0 + 10 * MS, 1, 2, 2);
    }

    private static void window(TraceSink sink, int core, long start, long end, int partition, int window,
            int processes) {
        sink.event(core, start, TraceEventType.WINDOW_START.id(), partition, window, 0);
        int step = 0;
        for (long t = start + STATE_STEP_NS; t < end - STATE_STEP_NS; t += STATE_STEP_NS, step++) {
            int process = step % processes;
            sink.event(core, t, TraceEventType.PROCESS_STATE.id(), partition, process,
                    STATE_CYCLE[(step / processes) % STATE_CYCLE.length]);
            if (step % 16 == 5) {
                sink.event(core, t, TraceEventType.PORT_SEND.id(), partition, 0, 16);
            }
        }
        sink.event(core, end, TraceEventType.WINDOW_END.id(), partition, window, 0);
    }
}
