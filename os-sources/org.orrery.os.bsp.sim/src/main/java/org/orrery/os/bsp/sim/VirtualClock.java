// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import org.orrery.os.kernel.Clock;

/** Virtual time: starts at 0 and jumps to whatever the kernel's next event is. */
public final class VirtualClock implements Clock {
    private long now;

    @Override
    public long now() {
        return now;
    }

    @Override
    public void advanceTo(long timeNs) {
        if (timeNs < now) {
            throw new IllegalArgumentException("virtual time cannot go back from " + now + " to " + timeNs);
        }
        now = timeNs;
    }
}
