// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.orrery.os.trace.TraceSink;
import org.orrery.os.trace.ctf.CtfMetadata;
import org.orrery.os.trace.ctf.CtfPacketDecoder;

/**
 * Reads a trace folder into a {@link TimelineModel}, and keeps reading it while a tracer appends to it: a CTF
 * writer puts the metadata first and then whole packets at the end of the stream files, so each
 * {@link #poll()} looks at the files' sizes and decodes only the packets that arrived complete since the last
 * one. A packet still being written is left for a later poll, so opening a folder mid-write never fails on
 * it. Packets go straight from the file (mapped) into the model's columns: no object per event.
 */
public final class TraceFollower {

    private static final String STREAM_NAME = "stream_\\d{1,18}";

    private final Path dir;
    private final CtfMetadata metadata;
    private final TimelineModel model;
    private final TreeMap<String, Tail> tails = new TreeMap<>();
    private int threads = Runtime.getRuntime().availableProcessors();

    /**
     * Below this many unread bytes a poll decodes on the calling thread: a live poll's few packets would cost more
     * in thread start-up than they take to decode.
     */
    static final long PARALLEL_MIN_BYTES = 4L << 20;

    /** What has been read of one stream file. */
    private static final class Tail {
        final Path file;
        final CtfPacketDecoder decoder;
        long consumed;

        Tail(Path file, CtfPacketDecoder decoder) {
            this.file = file;
            this.decoder = decoder;
        }
    }

    private TraceFollower(Path dir, CtfMetadata metadata, TimelineModel model) {
        this.dir = dir;
        this.metadata = metadata;
        this.model = model;
    }

    /** Opens a trace folder (configuration companion plus CTF metadata) without reading events yet. */
    public static TraceFollower open(Path dir, long toleranceNs) throws IOException {
        var config = TraceFolder.config(dir);
        Path metaFile = dir.resolve("metadata");
        String tsdl;
        try {
            tsdl = Files.readString(metaFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(dir + ": no 'metadata' file; not a CTF trace directory");
        }
        CtfMetadata meta = CtfMetadata.parse(tsdl, metaFile.toString());
        return new TraceFollower(dir, meta, new TimelineModel(config, toleranceNs, meta.env()));
    }

    /** Reads a whole trace folder (ignoring a last packet still being written) and checks its schedule. */
    public static TimelineModel load(Path dir, long toleranceNs) throws IOException {
        return load(dir, toleranceNs, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #load(Path, long)} on at most {@code threads} threads (1: the calling thread only). */
    static TimelineModel load(Path dir, long toleranceNs, int threads) throws IOException {
        TraceFollower f = open(dir, toleranceNs);
        f.threads = threads;
        f.poll();
        f.model.checkSchedule();
        return f.model;
    }

    public TimelineModel model() {
        return model;
    }

    public Path directory() {
        return dir;
    }

    /** Decodes every packet completed since the last poll; returns the number of events added. */
    public long poll() throws IOException {
        return poll(() -> false);
    }

    /**
     * As {@link #poll()}, but stops between two packets once {@code stop} says so (a reader that was cancelled);
     * the model then holds whole packets only and a later poll goes on where this one stopped.
     */
    public long poll(BooleanSupplier stop) throws IOException {
        long before = model.events();
        List<Tail> streams = new ArrayList<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().matches(STREAM_NAME)).sorted().toList()) {
                String name = p.getFileName().toString();
                streams.add(tails.computeIfAbsent(name, n -> new Tail(p, new CtfPacketDecoder(metadata, p.toString()))));
            }
        }
        // A stream's first packet names its core: read in file order and on this thread, so a second stream of
        // the same core is refused, always the later one, before two threads could write into one lane.
        List<Tail> started = new ArrayList<>();
        for (Tail t : streams) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (t.decoder.packets() == 0) {
                read(t, stop, 1);
            }
            if (t.decoder.packets() > 0) {
                started.add(t);
            }
        }
        if (!stop.getAsBoolean()) {
            readAll(started, stop);
        }
        long discarded = 0;
        long[] byCore = new long[model.cores()];
        for (Tail t : tails.values()) {
            discarded += t.decoder.discarded();
            if (t.decoder.core() >= 0 && t.decoder.core() < byCore.length) {
                byCore[t.decoder.core()] += t.decoder.discarded();
            }
        }
        model.setDiscarded(discarded, byCore);
        return model.events() - before;
    }

    /**
     * Reads the streams to their ends; when there is much to read, on up to one thread per processor, each stream on
     * one thread (its events go to its own core's lane only). Failures are thrown in file order once all stopped.
     */
    private void readAll(List<Tail> streams, BooleanSupplier stop) throws IOException {
        long unread = 0;
        for (Tail t : streams) {
            unread += Files.size(t.file) - t.consumed;
        }
        int threads = Math.min(streams.size(), this.threads);
        if (threads < 2 || unread < PARALLEL_MIN_BYTES) {
            for (Tail t : streams) {
                read(t, stop, Long.MAX_VALUE);
            }
            return;
        }
        Throwable[] failures = new Throwable[streams.size()];
        TimelineModel.StreamSink[] sinks = new TimelineModel.StreamSink[streams.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < sinks.length; i = next.getAndIncrement()) {
                sinks[i] = model.streamSink();
                try {
                    readInto(streams.get(i), sinks[i], stop, Long.MAX_VALUE);
                } catch (IOException | RuntimeException | Error e) {
                    failures[i] = e;
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            helpers.add(Thread.ofPlatform().daemon().name("orrery-trace-decoder-" + i).start(worker));
        }
        worker.run();
        joinAll(helpers);
        for (TimelineModel.StreamSink sink : sinks) {
            model.add(sink);
        }
        for (Throwable f : failures) {
            switch (f) {
                case null -> { }
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(f);
            }
        }
    }

    /** Waits for the helpers even when interrupted: they write into the model until they end. */
    private static void joinAll(List<Thread> helpers) {
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (h.isAlive()) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads up to {@code maxPackets} complete packets of one stream into the model, on the calling thread. */
    private void read(Tail tail, BooleanSupplier stop, long maxPackets) throws IOException {
        TimelineModel.StreamSink sink = model.streamSink();
        try {
            readInto(tail, sink, stop, maxPackets);
        } finally {
            model.add(sink);
        }
    }

    private void readInto(Tail tail, TraceSink sink, BooleanSupplier stop, long maxPackets) throws IOException {
        long packets = 0;
        try (FileChannel ch = FileChannel.open(tail.file, StandardOpenOption.READ)) {
            long size = ch.size();
            while (size > tail.consumed) {
                long length = Math.min(size - tail.consumed, Integer.MAX_VALUE);
                ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, tail.consumed, length);
                int offset = 0;
                int n;
                boolean stopped = false;
                while ((n = tail.decoder.decode(bytes, offset, tail.consumed, sink)) > 0) {
                    offset += n;
                    claim(tail);
                    if (++packets >= maxPackets || stop.getAsBoolean()) {
                        stopped = true;
                        break;
                    }
                }
                tail.consumed += offset;
                if (offset == 0 || stopped) {
                    return; // the next packet is not complete yet, or the reader was told to stop
                }
            }
        }
    }

    /**
     * Two stream files may not carry the same core (its lane would mix two event orders). Looks at the other
     * streams only after a stream's first packet, which {@link #poll} reads on its own thread.
     */
    private void claim(Tail tail) throws IOException {
        if (tail.decoder.packets() != 1) {
            return;
        }
        List<Tail> others = new ArrayList<>(tails.values());
        others.remove(tail);
        for (Tail other : others) {
            if (other.decoder.core() == tail.decoder.core()) {
                throw new IOException(tail.file + ": another stream file already carries cpu_id "
                        + tail.decoder.core());
            }
        }
    }
}
