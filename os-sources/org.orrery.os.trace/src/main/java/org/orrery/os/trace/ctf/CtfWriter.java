// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * Writes per-core trace buffers as a CTF 1.8 trace directory: {@code metadata} plus one {@code stream_<core>}
 * file per core, each a sequence of packets. Feed it with {@link #drain(TraceBuffer)} as often as you like
 * (e.g. every major frame); it cuts a packet every {@code eventsPerPacket} events, on {@link #flush()} and on
 * {@link #close()}. Between packets the directory is a complete trace of what was flushed so far, so it stays
 * readable if the writer is never closed. Given a {@link CtfPacketOutput} instead of a directory it hands the
 * metadata and each packet there (a board's live trace).
 * Output is deterministic: same events, uuid and env, same bytes.
 */
public final class CtfWriter implements TraceSink, Closeable {

    /** Default events per packet: about 170 KB per packet for three-field events. */
    public static final int DEFAULT_EVENTS_PER_PACKET = 4096;

    private final Path dir;
    private final CtfPacketOutput output;
    private final CtfMetadata metadata;
    private final int eventsPerPacket;
    private final CoreStream[] streams;
    private boolean closed;

    /** One core's packet under construction plus the state its packet contexts need. */
    private static final class CoreStream {
        final ByteBuffer packet;
        int events;
        long first;
        long last;
        long seq;
        long discarded;
        long discardedWritten = -1;
        long written;

        CoreStream(int capacity) {
            packet = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /**
     * @param dir   trace directory; created if missing. An existing directory must be empty or hold a previous
     *              Orrery trace (its metadata and stream files are replaced, hidden companion files are left to
     *              their writers); anything else is refused.
     * @param uuid  trace uuid (derive it from the image hash to keep runs reproducible)
     * @param cores number of per-core streams (every core gets a stream, even if it records nothing)
     * @param env   extra {@code env} entries for the metadata (board, image, ...)
     */
    public CtfWriter(Path dir, UUID uuid, int cores, Map<String, String> env) throws IOException {
        this(dir, uuid, cores, env, DEFAULT_EVENTS_PER_PACKET);
    }

    public CtfWriter(Path dir, UUID uuid, int cores, Map<String, String> env, int eventsPerPacket)
            throws IOException {
        this(dir, uuid, cores, env, CtfNames.NONE, eventsPerPacket);
    }

    /** As {@link #CtfWriter(Path, UUID, int, Map)}, declaring {@code names} for the events' numbers. */
    public CtfWriter(Path dir, UUID uuid, int cores, Map<String, String> env, CtfNames names) throws IOException {
        this(dir, uuid, cores, env, names, DEFAULT_EVENTS_PER_PACKET);
    }

    public CtfWriter(Path dir, UUID uuid, int cores, Map<String, String> env, CtfNames names, int eventsPerPacket)
            throws IOException {
        this(dir, prepareDirectory(dir, checked(cores, eventsPerPacket)), uuid, cores, env, names, eventsPerPacket);
    }

    /** Writes to {@code output} rather than a directory (which {@link #directory()} then returns as null). */
    public CtfWriter(CtfPacketOutput output, UUID uuid, int cores, Map<String, String> env, CtfNames names,
            int eventsPerPacket) throws IOException {
        this(null, output, uuid, cores, env, names, eventsPerPacket);
    }

    private CtfWriter(Path dir, CtfPacketOutput output, UUID uuid, int cores, Map<String, String> env, CtfNames names,
            int eventsPerPacket) throws IOException {
        checked(cores, eventsPerPacket);
        this.dir = dir;
        this.output = output;
        this.metadata = CtfMetadata.forCurrentVersion(uuid, env, names);
        this.eventsPerPacket = eventsPerPacket;
        this.streams = new CoreStream[cores];
        // The metadata does not depend on the events, so it goes first: a run cut short (Ctrl-C, a CI timeout, a
        // crash) still leaves a trace that reads up to its last full packet.
        output.metadata(metadata.toTsdl());
        int maxEvent = CtfLayout.EVENT_HEADER_BYTES + TraceEventType.MAX_FIELDS * CtfLayout.FIELD_BYTES;
        for (int c = 0; c < cores; c++) {
            streams[c] = new CoreStream(CtfLayout.PACKET_PREAMBLE_BYTES + eventsPerPacket * maxEvent);
        }
    }

    /** Checks the arguments before anything touches the disk; returns {@code cores}. */
    private static int checked(int cores, int eventsPerPacket) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, was " + cores);
        }
        if (eventsPerPacket < 1 || eventsPerPacket > 1 << 20) {
            throw new IllegalArgumentException("eventsPerPacket must be 1..1048576, was " + eventsPerPacket);
        }
        return cores;
    }

    /** Drains {@code buffer} into its core's stream, carrying its discarded-event count into the packets. */
    public void drain(TraceBuffer buffer) {
        discarded(buffer.core(), buffer.discarded());
        buffer.drainTo(this);
    }

    /** The core's tracer has dropped {@code total} events so far; the next packet of the core carries the count. */
    @Override
    public void discarded(int core, long total) {
        stream(core).discarded = total;
    }

    /**
     * Cuts a packet now for every core that has events waiting (or a new discarded count), so a reader following
     * the output sees them without waiting for a full packet.
     */
    public void flush() {
        for (int c = 0; c < streams.length; c++) {
            CoreStream s = stream(c);
            if (s.events > 0 || s.discarded > Math.max(0, s.discardedWritten)) {
                flush(c, s);
            }
        }
    }

    /** Appends one event; prefer {@link #drain(TraceBuffer)}, which also records discarded counts. */
    @Override
    public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
        CoreStream s = stream(core);
        TraceEventType type = TraceEventType.fromId(typeId);
        if (type == null) {
            throw new IllegalArgumentException("core " + core + ": unknown trace event type id " + typeId);
        }
        if (timestampNs < 0) {
            throw new IllegalArgumentException("core " + core + ": negative timestamp " + timestampNs);
        }
        if ((s.events > 0 || s.seq > 0) && timestampNs < s.last) {
            throw new IllegalArgumentException("core " + core + ": timestamp " + timestampNs
                    + " goes backwards (previous event at " + s.last + ")");
        }
        if (s.events == 0) {
            s.packet.position(CtfLayout.PACKET_PREAMBLE_BYTES);
            s.first = timestampNs;
        }
        ByteBuffer b = s.packet;
        b.putShort((short) typeId).putLong(timestampNs);
        int n = type.fieldCount();
        if (n > 0) {
            b.putLong(f0);
        }
        if (n > 1) {
            b.putLong(f1);
        }
        if (n > 2) {
            b.putLong(f2);
        }
        s.last = timestampNs;
        if (++s.events == eventsPerPacket) {
            flush(core, s);
        }
    }

    /** Flushes open packets (and a packet for any core that has none yet). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int c = 0; c < streams.length; c++) {
                CoreStream s = streams[c];
                if (s.events > 0 || s.seq == 0 || s.discarded != s.discardedWritten) {
                    flush(c, s);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            output.close();
        }
    }

    /** Total events written so far (flushed or pending) across all cores. */
    public long eventsWritten() {
        long n = 0;
        for (CoreStream s : streams) {
            n += s.written + s.events;
        }
        return n;
    }

    public Path directory() {
        return dir;
    }

    private CoreStream stream(int core) {
        if (closed) {
            throw new IllegalStateException("trace writer for " + dir + " is closed");
        }
        if (core < 0 || core >= streams.length) {
            throw new IllegalArgumentException("core " + core + " outside 0.." + (streams.length - 1));
        }
        return streams[core];
    }

    private void flush(int core, CoreStream s) {
        ByteBuffer b = s.packet;
        if (s.events == 0) {
            // An empty packet still carries the stream's cpu id and discarded count; its time is the last
            // event's (or 0 for a core that never recorded anything).
            b.position(CtfLayout.PACKET_PREAMBLE_BYTES);
            s.first = s.last;
        }
        int size = b.position();
        long bits = size * 8L;
        b.putInt(0, CtfLayout.MAGIC);
        b.put(4, uuidBytes(metadata.uuid()));
        b.putInt(20, CtfLayout.STREAM_CLASS_ID);
        b.putLong(24, s.first).putLong(32, s.last).putLong(40, bits).putLong(48, bits)
                .putLong(56, s.seq).putLong(64, s.discarded).putInt(72, core);
        try {
            output.packet(core, s.events, b.duplicate().position(0).limit(size).order(ByteOrder.LITTLE_ENDIAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s.seq++;
        s.written += s.events;
        s.events = 0;
        s.discardedWritten = s.discarded;
        b.position(CtfLayout.PACKET_PREAMBLE_BYTES);
    }

    private static byte[] uuidBytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
    }

    private static CtfPacketOutput prepareDirectory(Path dir, int cores) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            var names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            // Hidden files are companions (e.g. the run's configuration): CTF readers skip them, so do we.
            boolean ours = names.stream().allMatch(n -> n.equals(CtfLayout.METADATA_FILE)
                    || n.matches(CtfLayout.STREAM_PREFIX + "\\d+") || n.startsWith("."));
            if (!ours) {
                throw new IOException(dir + " is not empty and does not hold an Orrery trace; refusing to overwrite it");
            }
            for (String n : names) {
                if (!n.startsWith(".")) {
                    Files.delete(dir.resolve(n));
                }
            }
        }
        return new DirectoryOutput(dir, cores);
    }

    /** The classic output: {@code metadata} and one append-only {@code stream_<core>} file per core. */
    private static final class DirectoryOutput implements CtfPacketOutput {

        private final Path dir;
        private final FileChannel[] files;

        DirectoryOutput(Path dir, int cores) {
            this.dir = dir;
            this.files = new FileChannel[cores];
        }

        @Override
        public void metadata(String tsdl) throws IOException {
            Files.writeString(dir.resolve(CtfLayout.METADATA_FILE), tsdl, StandardCharsets.UTF_8);
        }

        @Override
        public void packet(int core, int events, ByteBuffer packet) throws IOException {
            if (files[core] == null) {
                files[core] = FileChannel.open(dir.resolve(CtfLayout.streamFileName(core)), StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
            while (packet.hasRemaining()) {
                files[core].write(packet);
            }
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (FileChannel f : files) {
                try {
                    if (f != null) {
                        f.close();
                    }
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
