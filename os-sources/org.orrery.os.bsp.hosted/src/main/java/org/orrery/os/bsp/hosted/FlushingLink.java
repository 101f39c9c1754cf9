// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.orrery.os.api.PartitionMode;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.ModuleLink;

/**
 * A partition kernel's link that sends what the kernel traced before each request that ends its process (a cold
 * start, a module shutdown or reset): the module kills the process at once, and the events that led to it (a watchdog
 * that expired, a deadline missed) would go with it.
 */
final class FlushingLink implements ModuleLink {
    private final ModuleLink link;
    private final Runnable flush;

    FlushingLink(ModuleLink link, Runnable flush) {
        this.link = link;
        this.flush = flush;
    }

    @Override
    public void modeChanged(int partition, PartitionMode from, PartitionMode to, long timeNs) {
        link.modeChanged(partition, from, to, timeNs);
    }

    @Override
    public void hmEvent(int partition, HmEvent event) {
        link.hmEvent(partition, event);
    }

    @Override
    public void windowUsed(int partition, long windowNs, long busyNs) {
        link.windowUsed(partition, windowNs, busyNs);
    }

    @Override
    public void planRequested(int plan) {
        link.planRequested(plan);
    }

    @Override
    public void coldStartRequested(int partition) {
        flush.run();
        link.coldStartRequested(partition);
    }

    @Override
    public void shutdownRequested() {
        flush.run();
        link.shutdownRequested();
    }

    @Override
    public void resetRequested() {
        flush.run();
        link.resetRequested();
    }
}
