// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a trace directory written by {@link CtfWriter}. Every structural check names the stream file and
 * byte offset, so a damaged trace is reported, never misread.
 */
public final class CtfReader {

    private CtfReader() {
    }

    public static CtfTrace read(Path dir) throws IOException {
        Path metaFile = dir.resolve(CtfLayout.METADATA_FILE);
        byte[] tsdl;
        try {
            tsdl = Files.readAllBytes(metaFile);
        } catch (NoSuchFileException e) {
            throw new CtfFormatException(dir + ": no 'metadata' file; not a CTF trace directory");
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> isStreamName(p.getFileName().toString())).toList();
        }
        SortedMap<String, byte[]> streams = new TreeMap<>();
        for (Path f : files) {
            streams.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return read(dir, tsdl, streams);
    }

    /**
     * Reads a trace held in memory: the bytes of its metadata file and of its stream files by file name (names
     * that are not {@code stream_<n>} are ignored, as in a directory). Errors name the files as if they were in
     * {@code dir}. The fuzzer reads a million damaged traces this way without touching the disk.
     */
    static CtfTrace read(Path dir, byte[] metadata, SortedMap<String, byte[]> streamFiles) throws CtfFormatException {
        Path metaFile = dir.resolve(CtfLayout.METADATA_FILE);
        String tsdl;
        try {
            tsdl = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(metadata)).toString();
        } catch (CharacterCodingException e) {
            throw new CtfFormatException(metaFile + ": not UTF-8 text; not CTF text metadata");
        }
        CtfMetadata meta = CtfMetadata.parse(tsdl, metaFile.toString());
        List<String> names = streamFiles.keySet().stream().filter(CtfReader::isStreamName)
                .sorted(Comparator.comparingLong(n -> Long.parseLong(n.substring(CtfLayout.STREAM_PREFIX.length()))))
                .toList();
        List<CtfStream> streams = new ArrayList<>();
        for (String n : names) {
            streams.add(readStream(dir.resolve(n).toString(), n, streamFiles.get(n), meta));
        }
        streams.sort(Comparator.comparingInt(CtfStream::core));
        for (int i = 1; i < streams.size(); i++) {
            if (streams.get(i).core() == streams.get(i - 1).core()) {
                throw new CtfFormatException(dir + ": two streams claim cpu_id " + streams.get(i).core());
            }
        }
        return new CtfTrace(meta, streams);
    }

    private static boolean isStreamName(String fileName) {
        return fileName.matches(CtfLayout.STREAM_PREFIX + "\\d{1,18}");
    }

    private static CtfStream readStream(String name, String fileName, byte[] bytes, CtfMetadata meta)
            throws CtfFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<CtfEvent> events = new ArrayList<>();
        int core = -1;
        int packets = 0;
        long discarded = 0;
        long lastTs = Long.MIN_VALUE;
        int offset = 0;
        while (offset < b.limit()) {
            if (b.limit() - offset < CtfLayout.PACKET_PREAMBLE_BYTES) {
                throw error(name, offset, "truncated packet header (" + (b.limit() - offset) + " bytes left)");
            }
            if (b.getInt(offset) != CtfLayout.MAGIC) {
                throw error(name, offset, String.format("bad packet magic 0x%08X", b.getInt(offset)));
            }
            UUID uuid = new UUID(Long.reverseBytes(b.getLong(offset + 4)), Long.reverseBytes(b.getLong(offset + 12)));
            if (!uuid.equals(meta.uuid())) {
                throw error(name, offset, "packet uuid " + uuid + " does not match the trace uuid " + meta.uuid());
            }
            if (b.getInt(offset + 20) != CtfLayout.STREAM_CLASS_ID) {
                throw error(name, offset, "unknown stream class id " + b.getInt(offset + 20));
            }
            long begin = b.getLong(offset + 24);
            long end = b.getLong(offset + 32);
            long contentBits = b.getLong(offset + 40);
            long packetBits = b.getLong(offset + 48);
            long seq = b.getLong(offset + 56);
            long packetDiscarded = b.getLong(offset + 64);
            int cpu = b.getInt(offset + 72);
            if (contentBits % 8 != 0 || packetBits % 8 != 0 || contentBits > packetBits
                    || contentBits < CtfLayout.PACKET_PREAMBLE_BYTES * 8L) {
                throw error(name, offset, "inconsistent packet sizes (content " + contentBits + " bits, packet "
                        + packetBits + " bits)");
            }
            if (packetBits / 8 > b.limit() - offset) {
                throw error(name, offset, "truncated packet: declares " + packetBits / 8 + " bytes, file has "
                        + (b.limit() - offset));
            }
            if (seq != packets) {
                throw error(name, offset, "packet sequence number " + seq + ", expected " + packets);
            }
            if (core == -1) {
                core = cpu;
            } else if (cpu != core) {
                throw error(name, offset, "cpu_id " + cpu + " differs from the stream's cpu_id " + core);
            }
            if (packetDiscarded < discarded) {
                throw error(name, offset, "events_discarded went down from " + discarded + " to " + packetDiscarded);
            }
            if (begin > end || (packets > 0 && begin < lastTs)) {
                throw error(name, offset, "packet time range [" + begin + ", " + end + "] is out of order");
            }
            discarded = packetDiscarded;
            int contentEnd = offset + (int) (contentBits / 8);
            int pos = offset + CtfLayout.PACKET_PREAMBLE_BYTES;
            while (pos < contentEnd) {
                if (contentEnd - pos < CtfLayout.EVENT_HEADER_BYTES) {
                    throw error(name, pos, "truncated event header");
                }
                int id = Short.toUnsignedInt(b.getShort(pos));
                long ts = b.getLong(pos + 2);
                CtfEventClass cls = meta.eventClass(id);
                if (cls == null) {
                    throw error(name, pos, "event id " + id + " is not declared in the metadata");
                }
                if (ts < begin || ts > end || ts < lastTs) {
                    throw error(name, pos, "event timestamp " + ts + " outside packet range [" + begin + ", " + end
                            + "] or before the previous event");
                }
                int fieldsAt = pos + CtfLayout.EVENT_HEADER_BYTES;
                if (contentEnd - fieldsAt < cls.payloadBytes()) {
                    throw error(name, pos, "truncated payload of event '" + cls.name() + "'");
                }
                long[] f = new long[3];
                for (int i = 0; i < cls.fieldNames().size() && i < 3; i++) {
                    f[i] = b.getLong(fieldsAt + i * CtfLayout.FIELD_BYTES);
                }
                events.add(new CtfEvent(cpu, toNanos(ts, meta.clockFrequency()), cls, f[0], f[1], f[2]));
                lastTs = ts;
                pos = fieldsAt + cls.payloadBytes();
            }
            lastTs = Math.max(lastTs, end);
            packets++;
            offset += (int) (packetBits / 8);
        }
        if (packets == 0) {
            throw new CtfFormatException(name + ": empty stream file (no packets)");
        }
        return new CtfStream(fileName, core, packets, discarded, events);
    }

    private static long toNanos(long cycles, long freq) {
        return freq == CtfLayout.CLOCK_FREQUENCY ? cycles : (long) (cycles * (1e9 / freq));
    }

    private static CtfFormatException error(String file, int offset, String what) {
        return new CtfFormatException(file + " at byte " + offset + ": " + what);
    }
}
