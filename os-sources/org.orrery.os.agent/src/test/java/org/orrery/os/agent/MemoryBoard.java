// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageFormat;
import org.orrery.os.image.ImageVerifier;

/**
 * A board that keeps uploads in memory, for the protocol's tests: it checks offsets and the image's digest as a
 * real board does and then ends every trial the way the test says. The bootloader side proper is {@code SlotBoard}.
 */
final class MemoryBoard implements BoardControl {

    final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
    final Map<String, Long> sizes = new ConcurrentHashMap<>();
    final List<Consumer<BoardEvent>> listeners = new CopyOnWriteArrayList<>();
    volatile Verdict verdict = new Verdict(Verdict.Outcome.CONFIRMED, "confirmed after 3 healthy major frames");
    volatile Refusal installRefusal;
    volatile Refusal beginRefusal;
    volatile ImageId running;
    volatile String lastRequester;
    volatile boolean lastAllowDowngrade;
    /** When set, a trial is judged only when the wait ends (PENDING): a board whose session sends nothing meanwhile. */
    volatile boolean judgesSlowly;
    /** When set, the verdicts of the next waits, one each, before {@link #verdict}; each wait is counted. */
    final Queue<Verdict> nextVerdicts = new ConcurrentLinkedQueue<>();
    final AtomicInteger waits = new AtomicInteger();
    /** What a trace follower gets; null: this board cannot stream its trace (BoardControl's default). */
    volatile TraceScript trace;

    /**
     * A live trace: the configuration (none when empty) and the metadata, then each packet as core {@code i % 2}'s
     * with one event; then the stream waits for the follower to stop it, or, with {@code endsWith}, the board ends it
     * itself with that reason (as when its board process ended).
     */
    record TraceScript(byte[] configuration, String metadata, List<byte[]> packets, String endsWith) {
    }

    @Override
    public BoardStatus status() {
        return new BoardStatus("sim", running == null ? null : "a", running,
                List.of(new SlotInfo("a", running == null ? SlotState.EMPTY : SlotState.GOOD, running, true),
                        new SlotInfo("b", SlotState.EMPTY, null, false)), 1);
    }

    @Override
    public synchronized long beginUpload(String sha256, long size) throws Refusal {
        if (beginRefusal != null) {
            throw beginRefusal;
        }
        if (size > 64L << 20) {
            throw new Refusal("too-large", "image of " + size + " bytes exceeds the slot size of 64 MiB");
        }
        sizes.put(sha256, size);
        return uploads.computeIfAbsent(sha256, k -> new ByteArrayOutputStream()).size();
    }

    @Override
    public synchronized void writeChunk(String sha256, long offset, byte[] data) throws Refusal {
        ByteArrayOutputStream b = uploads.get(sha256);
        if (b == null) {
            throw new Refusal("no-upload", "no upload of " + sha256 + " was begun");
        }
        if (offset != b.size()) {
            throw new Refusal("bad-offset", "chunk at " + offset + " but the upload ends at " + b.size());
        }
        if (b.size() + data.length > sizes.get(sha256)) {
            throw new Refusal("too-large", "chunk goes beyond the announced size " + sizes.get(sha256));
        }
        b.writeBytes(data);
    }

    @Override
    public synchronized SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal {
        ByteArrayOutputStream b = uploads.get(sha256);
        if (b == null) {
            throw new Refusal("no-upload", "no upload of " + sha256);
        }
        if (b.size() != sizes.get(sha256)) {
            throw new Refusal("truncated", "upload has " + b.size() + " of " + sizes.get(sha256) + " bytes");
        }
        byte[] bytes = b.toByteArray();
        try {
            ImageVerifier.inspect(bytes, "upload"); // the image's digest vouches for its bytes, as a board checks
        } catch (ImageException e) {
            throw new Refusal(Refusal.code(e.reason()), e.getMessage());
        }
        String actual = ImageFormat.digestField(bytes);
        if (!actual.equals(sha256)) {
            throw new Refusal("tampered", "upload is image " + actual + ", not " + sha256);
        }
        if (installRefusal != null) {
            throw installRefusal;
        }
        lastRequester = requestedBy;
        lastAllowDowngrade = allowDowngrade;
        running = new ImageId("demo", "1.0", sha256, 1);
        emit(new BoardEvent(System.currentTimeMillis(), BoardEvent.Kind.SLOT, "slot b: trial of " + sha256));
        return new SlotInfo("b", SlotState.TRIAL, running, true);
    }

    @Override
    public Verdict awaitVerdict(String sha256, Duration timeout) throws InterruptedException {
        waits.incrementAndGet();
        Verdict next = nextVerdicts.poll();
        if (next != null) {
            return next;
        }
        if (judgesSlowly) {
            Thread.sleep(timeout);
            return new Verdict(Verdict.Outcome.PENDING, "still on trial");
        }
        return verdict;
    }

    @Override
    public AutoCloseable subscribe(Consumer<BoardEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public AutoCloseable followTrace(TraceFollower follower) throws Refusal {
        TraceScript t = trace;
        if (t == null) {
            return BoardControl.super.followTrace(follower);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            long sent = 0;
            try {
                if (t.configuration().length > 0) {
                    follower.configuration(t.configuration());
                }
                follower.metadata(t.metadata());
                for (byte[] p : t.packets()) {
                    follower.packet((int) (sent % 2), 1, p);
                    sent++;
                }
                if (t.endsWith() != null) {
                    follower.ended(t.endsWith(), true, sent, 0);
                    return;
                }
                stopped.await();
                follower.ended("stopped by the client", false, sent, 0);
            } catch (IOException e) {
                follower.ended("the follower failed: " + e.getMessage(), true, sent, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return stopped::countDown;
    }

    void emit(BoardEvent e) {
        listeners.forEach(l -> l.accept(e));
    }

    @Override
    public void close() {
    }
}
