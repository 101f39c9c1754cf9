// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * The board's time base, injected so the kernel runs the same on virtual time (simulator, tests) and
 * real time (hosted boards). The kernel never reads {@code System.nanoTime()} itself.
 */
public interface Clock {
    /** Nanoseconds since boot. */
    long now();

    /**
     * Lets time pass until {@code timeNs} (&gt;= {@link #now()}): a virtual clock jumps, a real clock sleeps.
     */
    void advanceTo(long timeNs);
}
