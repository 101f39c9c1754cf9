// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.orrery.os.agent.TraceFollower;
import org.orrery.os.trace.ctf.CtfPackets;

/**
 * One follower of a {@link TraceRing}: a thread of its own that polls the ring and hands each new complete packet
 * to the follower, starting after the packets already there ("from now"). The follower may block (a slow network);
 * the board writes on regardless, and when the follower's position falls off the ring it jumps to the oldest
 * segment left and counts the events it missed. Packets are renumbered for the follower and their
 * {@code events_discarded} is what this follower did not get since it started (the board's drops after "now"
 * plus its own), so what it saves is a trace of its own that CTF readers take as it is.
 */
public final class TraceTail implements AutoCloseable {

    static final long POLL_MS = 50;
    /** How long a follower waits for a booting image's trace to appear. */
    static final long METADATA_WAIT_MS = 30_000;

    private final Path dir;
    private final TraceFollower follower;
    private final Consumer<TraceTail> gone;
    private final Thread thread;
    private final Map<Integer, Cursor> cursors = new TreeMap<>();
    private volatile boolean stopAsked;
    private volatile String boardStopped;
    private long events;

    /** Where a follower is in one core's segments. */
    private static final class Cursor {
        long segment = -1;
        long eventsBefore;
        FileChannel file;
        long position;
        long eventsRead;
        long sequence;
        long baseDiscarded = -1;
        /** The board's drops since "now", as of the last packet. */
        long boardLost;
        /** Events in segments the ring deleted before this follower read them. */
        long missed;
    }

    private TraceTail(Path dir, TraceFollower follower, Consumer<TraceTail> gone) {
        this.dir = dir;
        this.follower = follower;
        this.gone = gone;
        this.thread = Thread.ofVirtual().name("trace-follower").unstarted(this::run);
    }

    /** Starts following; {@code gone} hears when this tail has ended. */
    public static TraceTail start(Path dir, TraceFollower follower, Consumer<TraceTail> gone) {
        TraceTail t = new TraceTail(dir, follower, gone);
        t.thread.start();
        return t;
    }

    /** The board process stopped: relay what it wrote last, then end with {@code reason}. */
    public void boardStopped(String reason) {
        // no interrupt: the thread may be inside a socket write, which an interrupt would close
        boardStopped = reason;
    }

    /** The follower asked to stop: relay what is there, then end. */
    @Override
    public void close() {
        stopAsked = true;
    }

    /** Waits until the tail has ended (tests, shutdown). */
    public boolean await(long millis) throws InterruptedException {
        return thread.join(java.time.Duration.ofMillis(millis));
    }

    private void run() {
        String reason;
        boolean error = true;
        try {
            Object key = awaitMetadata();
            if (key == null) {
                reason = stopAsked ? "stopped by the client" : boardStopped != null ? boardStopped
                        : "the board wrote no trace within " + METADATA_WAIT_MS / 1000 + " s of booting";
                error = !stopAsked;
            } else {
                Path configuration = dir.resolve(TraceRing.CONFIGURATION);
                if (Files.isRegularFile(configuration)) {
                    follower.configuration(Files.readAllBytes(configuration));
                }
                follower.metadata(Files.readString(dir.resolve(TraceRing.METADATA), StandardCharsets.UTF_8));
                positionAtEnd();
                while (true) {
                    // read the flags first: what the board wrote before it stopped is on disk by then
                    boolean asked = stopAsked;
                    String stopped = boardStopped;
                    if (!key.equals(metadataKey())) {
                        reason = "the board restarted; its trace began again (follow it again)";
                        break;
                    }
                    relay();
                    if (asked || stopped != null) {
                        reason = asked ? "stopped by the client" : stopped;
                        error = !asked;
                        break;
                    }
                    pause();
                }
            }
        } catch (IOException e) {
            reason = "trace relay failed: " + e.getMessage();
        } finally {
            for (Cursor c : cursors.values()) {
                closeQuietly(c);
            }
        }
        long discarded = 0;
        for (Cursor c : cursors.values()) {
            discarded += c.boardLost + c.missed;
        }
        try {
            follower.ended(reason, error, events, discarded);
        } finally {
            gone.accept(this);
        }
    }

    private Object awaitMetadata() {
        long deadline = System.currentTimeMillis() + METADATA_WAIT_MS;
        while (!stopAsked && boardStopped == null && System.currentTimeMillis() < deadline) {
            Object key = metadataKey();
            if (key != null) {
                return key;
            }
            pause();
        }
        return null;
    }

    /** Identifies this boot's metadata file (a new boot writes a new one). */
    private Object metadataKey() {
        try {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(TraceRing.METADATA), BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAsked = true;
        }
    }

    /** "Now": every core's cursor after the last complete packet already written. */
    private void positionAtEnd() throws IOException {
        ByteBuffer head = header();
        for (var e : segments().entrySet()) {
            TraceRing.Segment newest = e.getValue().lastEntry().getValue();
            Cursor c = new Cursor();
            if (open(c, newest)) {
                long size;
                while ((size = complete(c, head)) > 0) {
                    c.eventsRead += head.getInt(0);
                    c.baseDiscarded = CtfPackets.discarded(head.slice(TraceRing.RECORD_HEADER, CtfPackets.PREAMBLE_BYTES));
                    c.position += size;
                }
            } else {
                // deleted between listing and opening (the ring turned): continue from the segment after it
                c.segment = newest.number();
                c.eventsBefore = newest.eventsBefore();
            }
            cursors.put(e.getKey(), c);
        }
    }

    /** Hands on every complete packet not yet relayed, core by core. */
    private void relay() throws IOException {
        ByteBuffer head = header();
        for (var e : segments().entrySet()) {
            TreeMap<Long, TraceRing.Segment> ring = e.getValue();
            // a core first seen after "now" starts at its oldest segment: all of it is new
            Cursor c = cursors.computeIfAbsent(e.getKey(), k -> new Cursor());
            while (true) {
                if (c.file != null) {
                    long size = complete(c, head);
                    if (size > 0) {
                        send(e.getKey(), c, head, size);
                        continue;
                    }
                }
                // nothing complete here: the segment is finished once a later one exists
                var later = ring.higherEntry(c.segment);
                if (later == null || !moveTo(c, later.getValue())) {
                    break;
                }
            }
        }
    }

    /** Continues in segment {@code s}, counting the events of the segments the ring deleted in between. */
    private static boolean moveTo(Cursor c, TraceRing.Segment s) throws IOException {
        long reached = c.eventsBefore + c.eventsRead;
        closeQuietly(c);
        if (!open(c, s)) {
            return false;
        }
        c.missed += Math.max(0, c.eventsBefore - reached);
        return true;
    }

    /** Opens a segment for the cursor, at its start; false when the ring already deleted it. */
    private static boolean open(Cursor c, TraceRing.Segment s) throws IOException {
        try {
            c.file = FileChannel.open(s.file(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        c.segment = s.number();
        c.eventsBefore = s.eventsBefore();
        c.position = 0;
        c.eventsRead = 0;
        return true;
    }

    private static ByteBuffer header() {
        return ByteBuffer.allocate(TraceRing.RECORD_HEADER + CtfPackets.PREAMBLE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The size of the complete record at the cursor (its header and preamble read into {@code head}), or 0. */
    private static long complete(Cursor c, ByteBuffer head) throws IOException {
        long available = c.file.size() - c.position;
        if (available < head.capacity()) {
            return 0;
        }
        head.clear();
        while (head.hasRemaining()) {
            if (c.file.read(head, c.position + head.position()) < 0) {
                return 0;
            }
        }
        ByteBuffer packet = head.slice(TraceRing.RECORD_HEADER, CtfPackets.PREAMBLE_BYTES);
        if (!CtfPackets.isPacket(packet)) {
            throw new IOException("trace ring segment " + c.segment + ": no CTF packet at byte " + c.position);
        }
        long size = TraceRing.RECORD_HEADER + CtfPackets.sizeBytes(packet);
        return available >= size ? size : 0;
    }

    private void send(int core, Cursor c, ByteBuffer head, long size) throws IOException {
        int n = head.getInt(0);
        byte[] packet = new byte[(int) size - TraceRing.RECORD_HEADER];
        ByteBuffer b = ByteBuffer.wrap(packet);
        while (b.hasRemaining()) {
            if (c.file.read(b, c.position + TraceRing.RECORD_HEADER + b.position()) < 0) {
                throw new IOException("the trace ring shrank under its reader");
            }
        }
        c.position += size;
        c.eventsRead += n;
        long board = CtfPackets.discarded(b);
        if (c.baseDiscarded < 0) {
            c.baseDiscarded = board;
        }
        c.boardLost = Math.max(0, board - c.baseDiscarded);
        CtfPackets.setDiscarded(b, c.boardLost + c.missed);
        CtfPackets.setSequence(b, c.sequence++);
        follower.packet(core, n, packet);
        events += n;
    }

    private Map<Integer, TreeMap<Long, TraceRing.Segment>> segments() throws IOException {
        Map<Integer, TreeMap<Long, TraceRing.Segment>> all = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                TraceRing.Segment s = TraceRing.segment(f);
                if (s != null) {
                    all.computeIfAbsent(s.core(), k -> new TreeMap<>()).put(s.number(), s);
                }
            }
        } catch (NoSuchFileException e) {
            // the ring is being recreated: nothing to read now
        }
        return all;
    }

    private static void closeQuietly(Cursor c) {
        if (c.file != null) {
            try {
                c.file.close();
            } catch (IOException ignored) {
                // read-only
            }
            c.file = null;
        }
    }
}
