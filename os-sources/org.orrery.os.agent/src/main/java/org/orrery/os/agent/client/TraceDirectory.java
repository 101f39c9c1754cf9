// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import org.orrery.os.config.ConfigFormat;
import org.orrery.os.trace.ctf.CtfPackets;

/**
 * Saves a followed trace as a CTF 1.8 directory while it arrives: {@code metadata} first, then each packet appended
 * whole to {@code stream_<core>}, so a reader may open the directory at any time and find complete packets
 * (possibly followed by the start of one being written). The directory must be empty or hold a previous trace,
 * whose files are replaced; anything else is refused.
 */
public final class TraceDirectory implements TraceReceiver, AutoCloseable {

    private final Path dir;
    private final Map<Integer, FileChannel> streams = new TreeMap<>();
    private final Map<Integer, Long> discarded = new TreeMap<>();
    private long events;
    private long packets;

    public TraceDirectory(Path dir) throws IOException {
        this.dir = dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            var names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            if (!names.stream().allMatch(n -> n.equals("metadata") || n.matches("stream_\\d+"))) {
                throw new IOException(dir + " is not empty and does not hold a trace; refusing to overwrite it");
            }
            for (String n : names) {
                Files.delete(dir.resolve(n));
            }
        }
    }

    /** Beside the streams under the name a run's trace folder gives it, so the Timeline and trace check open it. */
    @Override
    public synchronized void configuration(byte[] orcf) throws IOException {
        Path tmp = dir.resolve(".configuration.tmp");
        Files.write(tmp, orcf);
        Files.move(tmp, dir.resolve(ConfigFormat.TRACE_COMPANION_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public synchronized void metadata(String tsdl) throws IOException {
        Path tmp = dir.resolve(".metadata.tmp");
        Files.writeString(tmp, tsdl, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("metadata"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public synchronized void packet(int core, long n, byte[] packet) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(packet);
        if (!CtfPackets.isPacket(b) || CtfPackets.sizeBytes(b) != packet.length || CtfPackets.core(b) != core) {
            throw new IOException("the board sent a packet for core " + core + " that is not one whole CTF packet");
        }
        FileChannel f = streams.get(core);
        if (f == null) {
            f = FileChannel.open(dir.resolve("stream_" + core), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            streams.put(core, f);
        }
        while (b.hasRemaining()) {
            f.write(b);
        }
        events += n;
        packets++;
        discarded.put(core, CtfPackets.discarded(b));
    }

    public Path directory() {
        return dir;
    }

    public synchronized long events() {
        return events;
    }

    public synchronized long packets() {
        return packets;
    }

    /** Events the packets written so far say were discarded (each core's latest count, summed). */
    public synchronized long discarded() {
        return discarded.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (FileChannel f : streams.values()) {
            try {
                f.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
