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
import java.util.function.BooleanSupplier;

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

    /** What has been read of one stream file. */
    private static final class Tail {
        final CtfPacketDecoder decoder;
        long consumed;

        Tail(CtfPacketDecoder decoder) {
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
        String board = meta.env().get("board");
        boolean realTime = board != null && !board.equals("sim");
        return new TraceFollower(dir, meta, new TimelineModel(config, toleranceNs, realTime));
    }

    /** Reads a whole trace folder (ignoring a last packet still being written) and checks its schedule. */
    public static TimelineModel load(Path dir, long toleranceNs) throws IOException {
        TraceFollower f = open(dir, toleranceNs);
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
        try (var list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().matches(STREAM_NAME)).sorted().toList()) {
                String name = p.getFileName().toString();
                Tail tail = tails.computeIfAbsent(name, n -> new Tail(new CtfPacketDecoder(metadata, p.toString())));
                if (stop.getAsBoolean()) {
                    break;
                }
                read(p, tail, stop);
            }
        }
        long discarded = 0;
        for (Tail t : tails.values()) {
            discarded += t.decoder.discarded();
        }
        model.setDiscarded(discarded);
        return model.events() - before;
    }

    private void read(Path file, Tail tail, BooleanSupplier stop) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            while (size > tail.consumed) {
                long length = Math.min(size - tail.consumed, Integer.MAX_VALUE);
                ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, tail.consumed, length);
                int offset = 0;
                int n;
                boolean stopped = false;
                while ((n = tail.decoder.decode(bytes, offset, tail.consumed, model)) > 0) {
                    offset += n;
                    claim(file, tail);
                    if (stop.getAsBoolean()) {
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

    /** Two stream files may not carry the same core (its lane would mix two event orders). */
    private void claim(Path file, Tail tail) throws IOException {
        if (tail.decoder.packets() != 1) {
            return;
        }
        List<Tail> others = new ArrayList<>(tails.values());
        others.remove(tail);
        for (Tail other : others) {
            if (other.decoder.core() == tail.decoder.core()) {
                throw new IOException(file + ": another stream file already carries cpu_id " + tail.decoder.core());
            }
        }
    }
}
