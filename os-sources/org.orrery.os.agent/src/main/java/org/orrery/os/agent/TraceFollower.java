// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;

/**
 * Receives a board's live trace ({@link BoardControl#followTrace}): the CTF metadata once, then whole packets
 * from the next complete one on, then one end. Called from the board's relay thread; a method that blocks (a slow
 * client) holds back only this follower.
 */
public interface TraceFollower {

    /**
     * The running system's configuration (the canonical {@code .orcf} bytes) the trace's numbers refer to, before
     * the metadata; not called for a board that wrote none.
     */
    default void configuration(byte[] orcf) throws IOException {
    }

    /** The trace's TSDL; first, after the configuration. */
    void metadata(String tsdl) throws IOException;

    /**
     * One whole CTF packet of {@code core}'s stream with {@code events} events, already renumbered for this
     * follower (sequence numbers from 0, {@code events_discarded} counting what this follower missed).
     * Throwing ends the stream.
     */
    void packet(int core, long events, byte[] packet) throws IOException;

    /**
     * The stream ended: {@code error} unless the follower asked for it; {@code events} relayed and
     * {@code discarded} events this follower did not get (the board's tracer dropped them, or the follower
     * fell behind the board's trace ring).
     */
    void ended(String reason, boolean error, long events, long discarded);
}
