// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** A queuing port: FIFO messages; a full destination is handled by the channel's overflow policy. */
public interface QueuingPort {
    QueuingPortRef ref();

    /**
     * Source ports: queues a message at every destination. With a BLOCK channel the caller waits up to
     * {@code timeoutNs} for room; false when it timed out or (DROP_NEWEST) a full destination dropped it.
     */
    boolean send(byte[] data, int length, long timeoutNs);

    /** Destination ports: takes the oldest message, waiting up to {@code timeoutNs}; false on timeout. */
    boolean receive(Message into, long timeoutNs);

    /** Messages waiting in a destination port (0 for a source). */
    int pending();

    /**
     * Destination ports: whether messages bound for this port were lost since it was created or since the last
     * call, which clears the indication (ARINC 653's overflow indication). A message is lost when this port's
     * queue is full and the channel's policy drops one: DROP_OLDEST evicts the oldest queued message (the send
     * still returns true), DROP_NEWEST discards the new one. BLOCK loses nothing: its sender waits, and on
     * timeout learns from {@link #send}'s false. Refused on a source port.
     */
    boolean overflowed();
}
