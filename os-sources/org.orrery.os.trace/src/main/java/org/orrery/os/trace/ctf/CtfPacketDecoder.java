// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

import org.orrery.os.trace.TraceSink;

/**
 * Decodes one stream file's packets as they arrive, straight into a {@link TraceSink}: no object per event, so
 * a viewer ingests millions of events at memory speed, and a file that is still being written (a live trace)
 * is read packet by packet. A packet not yet wholly in the bytes given is reported as incomplete and left for
 * the next call; a damaged one is refused with the file and byte offset, like {@link CtfReader} does.
 * Keeps the stream's state between packets (sequence number, cpu id, discarded count, last timestamp).
 */
public final class CtfPacketDecoder {

    private final CtfMetadata meta;
    private final String name;
    /** Payload bytes and field count by event id; -1 for ids the metadata does not declare. */
    private final int[] payloadBytes;
    private final int[] fieldCount;
    private int core = -1;
    private long packets;
    private long discarded;
    private long lastTs = Long.MIN_VALUE;
    private long events;
    private long base;

    /**
     * @param meta the trace's metadata
     * @param name the stream file as error messages should name it
     */
    public CtfPacketDecoder(CtfMetadata meta, String name) {
        this.meta = meta;
        this.name = name;
        int max = 0;
        for (CtfEventClass c : meta.eventClasses()) {
            max = Math.max(max, c.id());
        }
        payloadBytes = new int[max + 1];
        fieldCount = new int[max + 1];
        java.util.Arrays.fill(payloadBytes, -1);
        for (CtfEventClass c : meta.eventClasses()) {
            payloadBytes[c.id()] = c.payloadBytes();
            fieldCount[c.id()] = Math.min(3, c.fieldNames().size());
        }
    }

    /**
     * Decodes the packet at {@code offset} into {@code sink}, which gets every event with its timestamp in
     * nanoseconds. Returns the packet's size in bytes, or 0 if {@code b} does not hold the whole packet yet
     * (nothing is decoded then). {@code fileOffset} is where {@code b}'s byte 0 lies in the stream file, for
     * the messages.
     */
    public int decode(ByteBuffer b, int offset, long fileOffset, TraceSink sink) throws CtfFormatException {
        base = fileOffset;
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() - offset < CtfLayout.PACKET_PREAMBLE_BYTES) {
            return 0;
        }
        if (b.getInt(offset) != CtfLayout.MAGIC) {
            throw error(offset, String.format("bad packet magic 0x%08X", b.getInt(offset)));
        }
        UUID uuid = new UUID(Long.reverseBytes(b.getLong(offset + 4)), Long.reverseBytes(b.getLong(offset + 12)));
        if (!uuid.equals(meta.uuid())) {
            throw error(offset, "packet uuid " + uuid + " does not match the trace uuid " + meta.uuid());
        }
        if (b.getInt(offset + 20) != CtfLayout.STREAM_CLASS_ID) {
            throw error(offset, "unknown stream class id " + b.getInt(offset + 20));
        }
        long begin = b.getLong(offset + 24);
        long end = b.getLong(offset + 32);
        long contentBits = b.getLong(offset + 40);
        long packetBits = b.getLong(offset + 48);
        long seq = b.getLong(offset + 56);
        long packetDiscarded = b.getLong(offset + 64);
        int cpu = b.getInt(offset + 72);
        if (contentBits % 8 != 0 || packetBits % 8 != 0 || contentBits > packetBits
                || contentBits < CtfLayout.PACKET_PREAMBLE_BYTES * 8L || packetBits / 8 > Integer.MAX_VALUE) {
            throw error(offset, "inconsistent packet sizes (content " + contentBits + " bits, packet " + packetBits
                    + " bits)");
        }
        if (packetBits / 8 > b.limit() - offset) {
            return 0;
        }
        if (seq != packets) {
            throw error(offset, "packet sequence number " + seq + ", expected " + packets);
        }
        if (core != -1 && cpu != core) {
            throw error(offset, "cpu_id " + cpu + " differs from the stream's cpu_id " + core);
        }
        if (packetDiscarded < discarded) {
            throw error(offset, "events_discarded went down from " + discarded + " to " + packetDiscarded);
        }
        if (begin > end || (packets > 0 && begin < lastTs)) {
            throw error(offset, "packet time range [" + begin + ", " + end + "] is out of order");
        }
        int contentEnd = offset + (int) (contentBits / 8);
        // Check the whole packet before the sink sees any of it, so a damaged packet adds nothing.
        long last = walk(b, offset, contentEnd, begin, end, null, cpu);
        walk(b, offset, contentEnd, begin, end, sink, cpu);
        core = cpu;
        discarded = packetDiscarded;
        lastTs = Math.max(last, end);
        packets++;
        return (int) (packetBits / 8);
    }

    /** The stream's cpu id (-1 before the first packet). */
    public int core() {
        return core;
    }

    public long packets() {
        return packets;
    }

    /** The tracer's count of dropped events as of the last packet decoded. */
    public long discarded() {
        return discarded;
    }

    public long events() {
        return events;
    }

    private long walk(ByteBuffer b, int offset, int contentEnd, long begin, long end, TraceSink sink, int cpu)
            throws CtfFormatException {
        long freq = meta.clockFrequency();
        long previous = lastTs;
        int pos = offset + CtfLayout.PACKET_PREAMBLE_BYTES;
        while (pos < contentEnd) {
            if (contentEnd - pos < CtfLayout.EVENT_HEADER_BYTES) {
                throw error(pos, "truncated event header");
            }
            int id = Short.toUnsignedInt(b.getShort(pos));
            long ts = b.getLong(pos + 2);
            int payload = id < payloadBytes.length ? payloadBytes[id] : -1;
            if (payload < 0) {
                throw error(pos, "event id " + id + " is not declared in the metadata");
            }
            if (ts < begin || ts > end || ts < previous) {
                throw error(pos, "event timestamp " + ts + " outside packet range [" + begin + ", " + end
                        + "] or before the previous event");
            }
            int fieldsAt = pos + CtfLayout.EVENT_HEADER_BYTES;
            if (contentEnd - fieldsAt < payload) {
                throw error(pos, "truncated payload of event '" + meta.eventClass(id).name() + "'");
            }
            if (sink != null) {
                int n = fieldCount[id];
                long f0 = n > 0 ? b.getLong(fieldsAt) : 0;
                long f1 = n > 1 ? b.getLong(fieldsAt + 8) : 0;
                long f2 = n > 2 ? b.getLong(fieldsAt + 16) : 0;
                long ns = freq == CtfLayout.CLOCK_FREQUENCY ? ts : (long) (ts * (1e9 / freq));
                sink.event(cpu, ns, id, f0, f1, f2);
                events++;
            }
            previous = ts;
            pos = fieldsAt + payload;
        }
        return previous;
    }

    private CtfFormatException error(int offset, String what) {
        return new CtfFormatException(name + " at byte " + (base + offset) + ": " + what);
    }
}
