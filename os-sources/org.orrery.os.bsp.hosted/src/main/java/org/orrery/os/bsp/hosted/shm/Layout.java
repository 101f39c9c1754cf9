// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.invoke.VarHandle;
import java.lang.foreign.ValueLayout;

/**
 * Byte layout of the region files (version {@link #VERSION}). Every region starts with a 64-byte header; the
 * fields one side writes sit on their own 64-byte cache line, message buffers start on one too, so a writer
 * and a reader touch different lines wherever the protocol allows. Changing anything here means a new VERSION.
 */
final class Layout {
    /** "ORPT" big-endian: ORrery PorT. */
    static final int MAGIC = 0x4F525054;
    static final int VERSION = 3;

    static final long H_MAGIC = 0;
    static final long H_VERSION = 4;
    static final long H_KIND = 8;
    static final long H_MAX_MESSAGE = 12;
    static final long H_DEPTH = 16;
    static final long H_STRIDE = 20;
    static final long H_SIZE = 24;
    static final long H_CREATOR_PID = 32;
    static final long HEADER = 64;

    /** Control line after the header; buffers start at BODY. */
    static final long CONTROL = 64;
    static final long BODY = 128;

    // Sampling: CONTROL holds the count of complete messages; two buffers alternate.
    static final long S_COUNT = CONTROL;
    static final long SB_SEQ = 0;
    static final long SB_TIME = 8;
    static final long SB_LENGTH = 16;
    static final int SAMPLING_DATA = 24;

    // Queue ring (source-owned): CONTROL holds the tail (messages ever sent) and the DROP_NEWEST drop count.
    static final long Q_TAIL = CONTROL;
    static final long Q_DROPPED = CONTROL + 8;
    /** Messages the source saw a full ring keep out or overwrite, other than DROP_NEWEST drops (traced by the kernel). */
    static final long Q_OVERFLOWS = CONTROL + 16;
    /** Written by the kernel: processes wait in the kernel for room (the destination wakes it after a receive). */
    static final long Q_SENDERS_WAITING = CONTROL + 24;
    static final long QS_SEQ = 0;
    static final long QS_LENGTH = 8;
    static final long QS_TIME = 16;
    static final int QUEUE_DATA = 24;

    // Queue consumer (destination-owned).
    static final long C_HEAD = CONTROL;
    static final long C_LOST = CONTROL + 8;
    static final long C_LOST_REPORTED = CONTROL + 16;
    static final long C_SEEN_DROPPED = CONTROL + 24;
    /** Times the kernel emptied the queue (its partition restarted): the destination's reported losses start over. */
    static final long C_RESETS = CONTROL + 32;
    /** Written by the kernel: processes wait in the kernel for a message (the source wakes it after a send). */
    static final long C_RECEIVERS_WAITING = CONTROL + 40;

    // Sampling reads (destination-owned): reads that returned a message, and the length of the last one.
    static final long R_READS = CONTROL;
    static final long R_LENGTH = CONTROL + 8;
    /** Sampling destinations: the slot's message count when the kernel emptied the port; older messages are gone. */
    static final long R_EMPTIED = CONTROL + 16;

    /** Coordinates (MemorySegment, long offset): aligned accesses with plain/opaque/acquire/release modes. */
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private Layout() {
    }

    static int align(int bytes) {
        return (bytes + 63) & ~63;
    }
}
