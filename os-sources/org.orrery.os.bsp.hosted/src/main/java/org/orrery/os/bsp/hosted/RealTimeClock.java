// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.orrery.os.kernel.Clock;

/**
 * Board time on CLOCK_MONOTONIC (HotSpot's {@code System.nanoTime} on Linux): zero until the schedule starts,
 * so the time partition processes take to start is not charged to the first windows.
 */
final class RealTimeClock implements Clock {
    /** How long before board time begins the partitions that were told it are frozen again (see {@link #announce}). */
    private static final long FREEZE_MARGIN_NANOS = 2_000_000L;

    private volatile long base = -1;
    private volatile long announced = -1;
    private Runnable beforeStart = () -> { };
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

    /**
     * Board time starts now, or at the instant {@link #announce announced}; returns the CLOCK_MONOTONIC instant of
     * board time 0.
     */
    long start() {
        long b = announced;
        if (b < 0) {
            b = System.nanoTime();
        } else {
            monotonicSleep.sleepUntil(b - FREEZE_MARGIN_NANOS);
            beforeStart.run();
            monotonicSleep.sleepUntil(b);
        }
        base = b;
        return b;
    }

    /**
     * Board time 0 will be the CLOCK_MONOTONIC instant {@code b}, told to partitions' kernels before it comes;
     * {@code beforeStart} runs on the thread that starts board time a moment before it (the partitions go back to
     * their windows).
     */
    void announce(long b, Runnable beforeStart) {
        this.beforeStart = beforeStart;
        announced = b;
    }

    /** The CLOCK_MONOTONIC instant of board time 0 once it is known, announced or begun; -1 before. */
    long knownBase() {
        long a = announced;
        return a >= 0 ? a : base;
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
