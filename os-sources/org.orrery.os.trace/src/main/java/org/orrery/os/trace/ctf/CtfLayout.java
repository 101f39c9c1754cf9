// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

/**
 * Binary layout shared by {@link CtfWriter}, {@link CtfReader} and the TSDL in {@link CtfMetadata}: the one
 * place that says how many bytes each header field takes. Everything is little-endian and byte-aligned.
 */
final class CtfLayout {

    static final int MAGIC = 0xC1FC1FC1;
    static final int STREAM_CLASS_ID = 0;
    static final String METADATA_FILE = "metadata";
    static final String STREAM_PREFIX = "stream_";
    static final String TRACER_NAME = "orrery";
    static final long CLOCK_FREQUENCY = 1_000_000_000L;
    static final String CLOCK_NAME = "monotonic";

    /** Packet header: magic u32, uuid u8[16], stream_id u32. */
    static final int PACKET_HEADER_BYTES = 4 + 16 + 4;
    /**
     * Packet context: timestamp_begin, timestamp_end, content_size, packet_size, packet_seq_num,
     * events_discarded (u64 each), cpu_id u32.
     */
    static final int PACKET_CONTEXT_BYTES = 6 * 8 + 4;
    static final int PACKET_PREAMBLE_BYTES = PACKET_HEADER_BYTES + PACKET_CONTEXT_BYTES;
    /** Event header: id u16, timestamp u64. */
    static final int EVENT_HEADER_BYTES = 2 + 8;
    static final int FIELD_BYTES = 8;

    private CtfLayout() {
    }

    static String streamFileName(int core) {
        return STREAM_PREFIX + core;
    }
}
