// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** An intra-partition message slot: displayed messages stay until replaced or cleared. */
public interface Blackboard {
    /** Shows a message and wakes every waiting reader. */
    void display(byte[] data, int length);

    void clear();

    /** Copies the displayed message, waiting up to {@code timeoutNs} while the board is empty. */
    boolean read(Message into, long timeoutNs);
}
