// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.util.ArrayDeque;

/**
 * At most {@code max} resets within any {@code periodNanos}: a board that cannot boot, or crashes right after
 * booting, must end with a clear line instead of looping forever, while a board that fails now and then keeps
 * being brought back.
 */
public final class ResetBudget {
    private final int max;
    private final long periodNanos;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    public ResetBudget(int max, long periodNanos) {
        this.max = max;
        this.periodNanos = periodNanos;
    }

    /** Records a reset at {@code now} if the budget allows it. */
    public boolean tryReset(long now) {
        while (!recent.isEmpty() && now - recent.peekFirst() >= periodNanos) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** Resets counted in the current period. */
    public int inPeriod() {
        return recent.size();
    }
}
