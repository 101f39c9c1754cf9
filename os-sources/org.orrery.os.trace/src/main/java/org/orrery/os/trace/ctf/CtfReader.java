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

/**
 * Reads a trace directory written by {@link CtfWriter}. Every structural check names the stream file and
 * byte offset, so a damaged trace is reported, never misread. Packets are decoded by {@link CtfPacketDecoder}, which
 * also serves readers of traces that are still being written.
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
            if (!Files.isRegularFile(f)) {
                // Reading it would fail with the bare "Is a directory", naming no file.
                throw new CtfFormatException(f + ": not a stream file (a stream is a regular file)");
            }
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
        CtfPacketDecoder decoder = new CtfPacketDecoder(meta, name);
        CtfEventClass[] classes = new CtfEventClass[1 << 16];
        for (CtfEventClass c : meta.eventClasses()) {
            classes[c.id()] = c;
        }
        List<CtfEvent> events = new ArrayList<>();
        int offset = 0;
        while (offset < b.limit()) {
            int n = decoder.decode(b, offset, 0,
                    (cpu, ns, id, f0, f1, f2) -> events.add(new CtfEvent(cpu, ns, classes[id], f0, f1, f2)));
            if (n == 0) {
                // A whole file holds whole packets: what the decoder would wait for is a truncated one here.
                if (b.limit() - offset < CtfLayout.PACKET_PREAMBLE_BYTES) {
                    throw error(name, offset, "truncated packet header (" + (b.limit() - offset) + " bytes left)");
                }
                throw error(name, offset, "truncated packet: declares " + b.getLong(offset + 48) / 8
                        + " bytes, file has " + (b.limit() - offset));
            }
            offset += n;
        }
        if (decoder.packets() == 0) {
            throw new CtfFormatException(name + ": empty stream file (no packets)");
        }
        return new CtfStream(fileName, decoder.core(), (int) decoder.packets(), decoder.discarded(), events);
    }

    private static CtfFormatException error(String file, int offset, String what) {
        return new CtfFormatException(file + " at byte " + offset + ": " + what);
    }
}
