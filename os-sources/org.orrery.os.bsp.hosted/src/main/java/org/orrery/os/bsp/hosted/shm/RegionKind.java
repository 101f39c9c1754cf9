// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

/**
 * What a port region file holds. The code is stored in the region header, so a file opened as the wrong kind
 * is refused; codes are part of the layout: append new constants only.
 */
public enum RegionKind {
    /** One sampling channel: a seqlock-protected slot (two buffers), one writer, many readers. */
    SAMPLING(1),
    /** The message ring of one queuing channel destination, written by the source only. */
    QUEUE(2),
    /** The read index and loss counters of one queuing destination, written by that destination only. */
    QUEUE_CONSUMER(3),
    /** Messages one port passed (and the last one's length), written by that port's partition only (the kernel traces them). */
    TRAFFIC(4);

    private final int code;

    RegionKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static RegionKind ofCode(int code) {
        for (RegionKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
