// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reading and patching the context of one packet written by {@link CtfWriter}, for code that relays packets
 * without decoding their events: a relay that starts a stream part-way renumbers the packets from 0 and
 * adds the events it had to drop to {@code events_discarded}, so the relayed stream is itself a valid trace.
 * The packet starts at index 0 of the buffer; the buffer's byte order and position are ignored.
 */
public final class CtfPackets {

    /** Bytes of header and context before the first event. */
    public static final int PREAMBLE_BYTES = CtfLayout.PACKET_PREAMBLE_BYTES;

    private static final int PACKET_SIZE = 48;
    private static final int SEQUENCE = 56;
    private static final int DISCARDED = 64;
    private static final int CPU = 72;

    private CtfPackets() {
    }

    /** Whether the buffer starts with an Orrery packet header (magic and stream class). */
    public static boolean isPacket(ByteBuffer b) {
        ByteBuffer l = le(b);
        return b.limit() >= PREAMBLE_BYTES && l.getInt(0) == CtfLayout.MAGIC && l.getInt(20) == CtfLayout.STREAM_CLASS_ID;
    }

    /** The packet's size in bytes, from its context. */
    public static long sizeBytes(ByteBuffer b) {
        return le(b).getLong(PACKET_SIZE) / 8;
    }

    public static int core(ByteBuffer b) {
        return le(b).getInt(CPU);
    }

    public static long sequence(ByteBuffer b) {
        return le(b).getLong(SEQUENCE);
    }

    public static long discarded(ByteBuffer b) {
        return le(b).getLong(DISCARDED);
    }

    public static void setSequence(ByteBuffer b, long seq) {
        le(b).putLong(SEQUENCE, seq);
    }

    public static void setDiscarded(ByteBuffer b, long discarded) {
        le(b).putLong(DISCARDED, discarded);
    }

    private static ByteBuffer le(ByteBuffer b) {
        return b.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
    }
}
