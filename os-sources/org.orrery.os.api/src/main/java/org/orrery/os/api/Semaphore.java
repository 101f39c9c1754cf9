// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** An intra-partition counting semaphore. */
public interface Semaphore {
    /** Takes one unit, waiting up to {@code timeoutNs}; false on timeout. */
    boolean acquire(long timeoutNs);

    /** Gives one unit back (wakes the first waiter); refused above the maximum. */
    void release();

    int value();
}
