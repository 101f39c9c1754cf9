// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.TraceFollower;
import org.orrery.os.agent.client.TraceDirectory;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfEvent;
import org.orrery.os.trace.ctf.CtfNames;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfTrace;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * The ring and its followers on real files: a follower starts at "now", keeps up with a writer, and one that stalls
 * while the ring turns over loses whole segments, which it counts exactly; what it saves is a trace Orrery's reader
 * takes, with the loss in {@code events_discarded}. The ring never holds more than its segments.
 */
class TraceTailTest {

    private static final int PER_PACKET = 16;

    @TempDir
    Path tmp;

    /** What a follower got, saved as a trace directory. */
    private static final class Saving implements TraceFollower {
        final TraceDirectory dir;
        final CountDownLatch firstPacket = new CountDownLatch(1);
        final CountDownLatch release;
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicReference<String> reason = new AtomicReference<>();
        volatile long events;
        volatile long discarded;
        volatile boolean error;

        Saving(Path dir, boolean stall) throws IOException {
            this.dir = new TraceDirectory(dir);
            this.release = new CountDownLatch(stall ? 1 : 0);
        }

        @Override
        public void metadata(String tsdl) throws IOException {
            dir.metadata(tsdl);
        }

        @Override
        public void packet(int core, long n, byte[] packet) throws IOException {
            dir.packet(core, n, packet);
            firstPacket.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void ended(String why, boolean err, long n, long lost) {
            reason.set(why);
            error = err;
            events = n;
            discarded = lost;
            ended.countDown();
        }
    }

    @Test
    void aFollowerThatKeepsUpGetsEveryEventFromNowOn() throws Exception {
        Path ring = tmp.resolve("ring");
        try (CtfWriter w = writer(ring, 1 << 20, 4)) {
            long t = write(w, 0, 10);
            Saving f = new Saving(tmp.resolve("saved"), false);
            TraceTail tail = TraceTail.start(ring, f, x -> { });
            awaitMetadata(tmp.resolve("saved"));
            Thread.sleep(3 * TraceTail.POLL_MS);
            write(w, t, 50);
            Thread.sleep(3 * TraceTail.POLL_MS);
            tail.boardStopped("the board stopped");
            assertTrue(f.ended.await(10, TimeUnit.SECONDS));
            assertTrue(f.error, "a board that stops ends the stream with an error");
            assertEquals("the board stopped", f.reason.get());
            assertEquals(50 * PER_PACKET, f.events, "only what came after the follower started");
            assertEquals(0, f.discarded);
            f.dir.close();
            CtfTrace saved = CtfReader.read(tmp.resolve("saved"));
            assertEquals(50 * PER_PACKET, saved.eventCount());
            assertEquals(0, saved.discarded());
            assertEquals(10 * PER_PACKET, saved.streams().get(0).events().get(0).f1(), "starts at the next packet");
        }
    }

    @Test
    void aStalledFollowerLosesWholeSegmentsAndCountsEveryEvent() throws Exception {
        Path ring = tmp.resolve("ring");
        int segmentBytes = 8 * 1024;
        CtfWriter w = writer(ring, segmentBytes, 3);
        long t = write(w, 0, 10);
        Saving f = new Saving(tmp.resolve("saved"), true);
        TraceTail tail = TraceTail.start(ring, f, x -> { });
        awaitMetadata(tmp.resolve("saved"));
        Thread.sleep(3 * TraceTail.POLL_MS);
        long before = t;
        t = write(w, t, 1);
        assertTrue(f.firstPacket.await(10, TimeUnit.SECONDS), "the follower got its first packet and stalls in it");
        t = write(w, t, 300);
        assertTrue(Files.list(ring).mapToLong(p -> p.toFile().length()).sum() <= 3L * segmentBytes + 64 * 1024,
                "the ring stays within its segments");
        f.release.countDown();
        w.close();
        Thread.sleep(3 * TraceTail.POLL_MS);
        tail.close();
        assertTrue(f.ended.await(10, TimeUnit.SECONDS));
        assertFalse(f.error, "the follower asked for the end: " + f.reason.get());
        long afterNow = t - before;
        assertTrue(f.discarded > 0, "a stalled follower loses events");
        assertEquals(afterNow, f.events + f.discarded, "every event after now is relayed or counted as discarded");
        f.dir.close();
        CtfTrace saved = CtfReader.read(tmp.resolve("saved"));
        assertEquals(f.events, saved.eventCount());
        assertEquals(f.discarded, saved.discarded(), "the loss is in the packets' events_discarded");
        long previous = -1;
        for (CtfEvent e : saved.streams().get(0).events()) {
            assertTrue(e.f1() > previous, "events keep their order across the gap");
            previous = e.f1();
        }
    }

    private static CtfWriter writer(Path ring, long segmentBytes, int keep) throws IOException {
        return new CtfWriter(new TraceRing(ring, 1, segmentBytes, keep), new UUID(7, 7), 1, Map.of("board", "test"),
                CtfNames.NONE, PER_PACKET);
    }

    /** Writes {@code packets} full packets of USER_EVENTs numbered from {@code from} (also their time). */
    private static long write(CtfWriter w, long from, int packets) {
        long n = from;
        for (int i = 0; i < packets * PER_PACKET; i++, n++) {
            w.event(0, 1_000 + n, TraceEventType.USER_EVENT.id(), 0, n, 0);
        }
        return n;
    }

    private static void awaitMetadata(Path saved) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(saved.resolve("metadata")); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(saved.resolve("metadata")));
    }
}
