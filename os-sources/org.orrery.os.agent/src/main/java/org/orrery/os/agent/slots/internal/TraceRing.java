// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.trace.ctf.CtfPacketOutput;
import org.orrery.os.trace.ctf.CtfPackets;

/**
 * The boot child's trace, where the agent reads it while it grows: {@code DIR/run/trace/metadata}, then per core
 * a ring of segment files {@code core<C>-<N>-<E>} (segment number N, E = the core's events in the segments
 * before it), each a run of records {@code [u32 events][one whole CTF packet]}. A segment is closed for good before
 * the next one is created, and the oldest is deleted once more than {@code keep} exist, so disk use is bounded
 * (keep × segment size per core) and a reader that fell behind can tell how many events it missed from the
 * names. A packet that cannot be written (disk full) is counted and added to the core's next packet's
 * {@code events_discarded}; the board goes on either way.
 */
public final class TraceRing implements CtfPacketOutput {

    /** Where the ring lives, relative to the board directory (the boot child's working directory). */
    public static final String DIR = "run/trace";
    public static final String METADATA = "metadata";
    /** The running system's configuration, written before the metadata (followers read it with it). */
    public static final String CONFIGURATION = "configuration.orcf";
    /** Bytes per segment before the next one starts. */
    public static final long SEGMENT_BYTES = 1 << 20;
    /** Segments kept per core: 8 MiB, some 30 s of the examples' trace, for followers that fall behind. */
    public static final int SEGMENTS = 8;
    static final int RECORD_HEADER = 4;

    private static final Pattern SEGMENT = Pattern.compile("core(\\d{1,5})-(\\d{1,12})-(\\d{1,19})");

    private final Path dir;
    private final long segmentBytes;
    private final int keep;
    private final Core[] cores;

    private static final class Core {
        FileChannel file;
        long segment = -1;
        long size;
        long events;
        long lost;
        /** The core's segments on disk, oldest first. */
        final ArrayDeque<Path> names = new ArrayDeque<>();
    }

    /** One segment file, from its name. */
    public record Segment(Path file, int core, long number, long eventsBefore) {
    }

    public TraceRing(Path dir, int cores, long segmentBytes, int keep) throws IOException {
        if (keep < 2) {
            throw new IllegalArgumentException("keep at least 2 segments, not " + keep);
        }
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.keep = keep;
        this.cores = new Core[cores];
        for (int c = 0; c < cores; c++) {
            this.cores[c] = new Core();
        }
        clear(dir);
    }

    /** Removes a previous boot's ring (its metadata first, so a follower sees the trace go). */
    public static void clear(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(METADATA));
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The segment a file name describes, or null for other files. */
    public static Segment segment(Path file) {
        Matcher m = SEGMENT.matcher(file.getFileName().toString());
        return m.matches() ? new Segment(file, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3))) : null;
    }

    /** Writes the configuration the trace's numbers refer to; before the metadata, which tells followers to start. */
    public void configuration(byte[] orcf) throws IOException {
        Path tmp = dir.resolve(CONFIGURATION + ".tmp");
        Files.write(tmp, orcf);
        Files.move(tmp, dir.resolve(CONFIGURATION), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void metadata(String tsdl) throws IOException {
        Path tmp = dir.resolve(METADATA + ".tmp");
        Files.writeString(tmp, tsdl, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(METADATA), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void packet(int core, int events, ByteBuffer packet) {
        Core c = cores[core];
        try {
            if (c.lost > 0) {
                CtfPackets.setDiscarded(packet, CtfPackets.discarded(packet) + c.lost);
            }
            int length = packet.remaining();
            if (c.file == null || c.size > 0 && c.size + RECORD_HEADER + length > segmentBytes) {
                next(core, c);
            }
            ByteBuffer head = ByteBuffer.allocate(RECORD_HEADER).order(ByteOrder.LITTLE_ENDIAN).putInt(0, events);
            ByteBuffer[] record = {head, packet};
            long left = RECORD_HEADER + length;
            while (left > 0) {
                left -= c.file.write(record);
            }
            c.size += RECORD_HEADER + length;
            c.events += events;
            c.lost = 0;
        } catch (IOException e) {
            // The board must not stop for its trace: the events are counted in the core's next packet.
            c.lost += events;
            closeQuietly(c);
        }
    }

    /** Closes the core's segment and starts the next, deleting the oldest beyond {@code keep}. */
    private void next(int core, Core c) throws IOException {
        closeQuietly(c);
        c.segment++;
        Path file = dir.resolve("core" + core + "-" + c.segment + "-" + c.events);
        c.file = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        c.size = 0;
        c.names.addLast(file);
        while (c.names.size() > keep) {
            Files.deleteIfExists(c.names.removeFirst());
        }
    }

    private static void closeQuietly(Core c) {
        if (c.file != null) {
            try {
                c.file.close();
            } catch (IOException ignored) {
                // a failed segment; the next packet starts another
            }
            c.file = null;
        }
    }

    @Override
    public void close() {
        for (Core c : cores) {
            closeQuietly(c);
        }
    }
}
