// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

/** What {@link QueueRing#send} did with a message. */
public enum SendOutcome {
    /** Queued; nothing was lost. */
    SENT,
    /**
     * Queued over the oldest message (DROP_OLDEST on a full ring). "Full" is the source's view at the time of
     * the send: if the destination took that message in the meantime nothing was lost, and the destination's
     * own count ({@link QueueRing#lost()}) is the authoritative one.
     */
    SENT_DROPPED_OLDEST,
    /**
     * Not queued because the ring is full. With DROP_NEWEST the message is lost and counted for the
     * destination's overflow indication; with BLOCK nothing is lost and the caller (the kernel) waits for
     * {@link QueueRing#full()} to clear and sends again, or times out.
     */
    FULL
}
