// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.orrery.os.image.LoadedImage;
import org.orrery.os.trace.TraceSink;
import org.orrery.os.trace.ctf.CtfNames;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * The boot child's live trace: every event goes to the {@link FrameJudge} and to a CTF writer whose packets fill
 * the {@link TraceRing}. A packet is cut when it is full and at least every {@link #CUT_NANOS} of wall time, so a
 * follower is never further behind the board than that plus its poll.
 */
final class LiveTrace implements TraceSink, AutoCloseable {

    /** Longest a packet stays open: the live trace's latency. */
    static final long CUT_NANOS = 200_000_000L;
    /** Events per packet: 4096 events of 34 bytes stay far below the agent's 1 MiB frame. */
    static final int EVENTS_PER_PACKET = 4096;

    private final TraceSink judge;
    private final CtfWriter writer;
    private long lastCut = System.nanoTime();

    private LiveTrace(TraceSink judge, CtfWriter writer) {
        this.judge = judge;
        this.writer = writer;
    }

    static LiveTrace open(Path dir, LoadedImage image, String board, TraceSink judge) throws IOException {
        int cores = image.config().board().cores();
        Map<String, String> env = new TreeMap<>(Map.of("board", board, "system", image.config().name(), "live", "1"));
        TraceRing ring = new TraceRing(dir, cores, TraceRing.SEGMENT_BYTES, TraceRing.SEGMENTS);
        // so that a saved live trace opens in the Timeline and `orrery trace check` like a run's trace folder
        ring.configuration(image.image().config());
        return new LiveTrace(judge, new CtfWriter(ring, image.traceUuid(), cores, env, CtfNames.NONE, EVENTS_PER_PACKET));
    }

    @Override
    public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
        judge.event(core, timestampNs, typeId, f0, f1, f2);
        writer.event(core, timestampNs, typeId, f0, f1, f2);
    }

    @Override
    public void discarded(int core, long total) {
        writer.discarded(core, total);
    }

    /** Called between slices of board time: cuts the open packets when they are old enough. */
    void tick() {
        long now = System.nanoTime();
        if (now - lastCut >= CUT_NANOS) {
            lastCut = now;
            writer.flush();
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
