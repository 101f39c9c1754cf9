// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.orrery.os.kernel.Clock;

/**
 * Board time on CLOCK_MONOTONIC (HotSpot's {@code System.nanoTime} on Linux): zero until the schedule starts,
 * so the time partition processes take to start is not charged to the first windows.
 */
final class RealTimeClock implements Clock {
    private volatile long base = -1;
    private final ConcurrentExecutor.Sleeper monotonicSleep;

    RealTimeClock(ConcurrentExecutor.Sleeper monotonicSleep) {
        this.monotonicSleep = monotonicSleep;
    }

    /**
     * Board time 0 is the CLOCK_MONOTONIC instant {@code base}, which another process of the board chose: a partition's
     * own kernel keeps the module's time, so both stamp an instant alike.
     */
    void startAt(long base) {
        this.base = base;
    }

    /** Board time starts now; returns the CLOCK_MONOTONIC instant of board time 0. */
    long start() {
        long b = System.nanoTime();
        base = b;
        return b;
    }

    @Override
    public long now() {
        long b = base;
        return b < 0 ? 0 : System.nanoTime() - b;
    }

    @Override
    public void advanceTo(long timeNs) {
        sleepUntil(timeNs);
    }

    /** The CLOCK_MONOTONIC instant of board time {@code timeNs}; -1 before the schedule started. */
    long monotonicAt(long timeNs) {
        long b = base;
        return b < 0 ? -1 : b + timeNs;
    }

    /** Sleeps until board time {@code timeNs} (at once before the schedule started). */
    void sleepUntil(long timeNs) {
        long b = base;
        if (b >= 0 && timeNs > now()) {
            monotonicSleep.sleepUntil(b + timeNs);
        }
    }
}
