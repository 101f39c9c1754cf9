// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orrery.os.trace.TraceEventType;

/**
 * A writer given an output instead of a directory: metadata first, then whole packets that {@link CtfPackets}
 * reads; {@link CtfWriter#flush()} cuts what is pending (a live trace's latency), and a count given through
 * {@code discarded} lands in the core's next packet. The bytes are those a directory would hold.
 */
class CtfPacketOutputTest {

    /** Keeps what the writer hands out, in order. */
    private static final class Memory implements CtfPacketOutput {
        final List<String> calls = new ArrayList<>();
        final SortedMap<String, ByteBuffer> streams = new TreeMap<>();
        byte[] metadata;
        boolean closed;

        @Override
        public void metadata(String tsdl) {
            calls.add("metadata");
            metadata = tsdl.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void packet(int core, int events, ByteBuffer packet) {
            assertTrue(CtfPackets.isPacket(packet.slice()), "a whole packet");
            assertEquals(packet.remaining(), CtfPackets.sizeBytes(packet.slice()));
            assertEquals(core, CtfPackets.core(packet.slice()));
            calls.add("packet " + core + " " + events + " seq " + CtfPackets.sequence(packet.slice()) + " discarded "
                    + CtfPackets.discarded(packet.slice()));
            ByteBuffer s = streams.computeIfAbsent("stream_" + core, k -> ByteBuffer.allocate(1 << 16));
            s.put(packet);
        }

        @Override
        public void close() {
            closed = true;
        }

        CtfTrace read() throws CtfFormatException {
            SortedMap<String, byte[]> files = new TreeMap<>();
            streams.forEach((n, b) -> files.put(n, java.util.Arrays.copyOf(b.array(), b.position())));
            return CtfReader.read(Path.of("memory"), metadata, files);
        }
    }

    @Test
    void flushCutsPendingPacketsAndCarriesDiscardedCounts() throws IOException {
        Memory out = new Memory();
        CtfWriter w = new CtfWriter(out, new UUID(3, 4), 2, Map.of("board", "test"), CtfNames.NONE, 8);
        assertEquals(List.of("metadata"), out.calls, "the metadata comes first, before any event");
        for (int i = 0; i < 10; i++) {
            w.event(0, 100 + i, TraceEventType.USER_EVENT.id(), 0, i, 0);
        }
        assertEquals(List.of("metadata", "packet 0 8 seq 0 discarded 0"), out.calls, "a full packet goes at once");
        w.flush();
        assertEquals("packet 0 2 seq 1 discarded 0", out.calls.get(2), "flush cuts the two pending events");
        assertEquals(3, out.calls.size(), "a core with nothing pending gets no packet from flush");
        w.discarded(1, 5);
        w.event(1, 200, TraceEventType.USER_EVENT.id(), 0, 99, 0);
        w.flush();
        assertEquals("packet 1 1 seq 0 discarded 5", out.calls.get(3));
        w.close();
        assertTrue(out.closed);
        CtfTrace t = out.read();
        assertEquals(11, t.eventCount());
        assertEquals(5, t.discarded());
    }
}
