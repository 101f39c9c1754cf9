// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** An intra-partition message queue. */
public interface Buffer {
    /** Waits up to {@code timeoutNs} for room; false on timeout. */
    boolean send(byte[] data, int length, long timeoutNs);

    /** Waits up to {@code timeoutNs} for a message; false on timeout. */
    boolean receive(Message into, long timeoutNs);

    int pending();
}
