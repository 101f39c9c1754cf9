// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Collects the server's heap after a reply when a request like the last one would not fit in the free young
 * generation (users re-check the system they just checked; after a large system's check, small ones do not
 * each pay a collection).
 * A check of a large system allocates a few hundred MB, and a collection that falls inside it copies the model
 * being built (0.2–2 s on the shared machine, most of a warm check); between requests that model is garbage, so
 * the same collection copies only the server's own state and runs while the client prints and exits.
 */
final class CollectBetweenRequests {

    /** Room kept beyond the last request, in eighths of it: requests of one system vary a little. */
    private static final int MARGIN_EIGHTHS = 2;

    private final com.sun.management.ThreadMXBean threads;
    private final MemoryPoolMXBean eden;
    private long last;
    private long start;

    private CollectBetweenRequests(com.sun.management.ThreadMXBean threads, MemoryPoolMXBean eden) {
        this.threads = threads;
        this.eden = eden;
    }

    /** For this JVM; does nothing where the collector has no eden or allocation is not counted per thread. */
    static CollectBetweenRequests create() {
        MemoryPoolMXBean eden = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")) {
                eden = pool;
            }
        }
        com.sun.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled() ? t : null;
        return new CollectBetweenRequests(threads, threads == null ? null : eden);
    }

    /** Called on the requests' thread before a request. */
    void requestStarts() {
        if (eden != null) {
            start = threads.getCurrentThreadAllocatedBytes();
        }
    }

    /** Called on the same thread once the reply is sent; true when it collected. */
    boolean requestEnded() {
        if (eden == null) {
            return false;
        }
        last = threads.getCurrentThreadAllocatedBytes() - start;
        MemoryUsage usage = eden.getUsage();
        if (!needed(usage.getMax() > 0 ? usage.getMax() : usage.getCommitted(), usage.getUsed(), last)) {
            return false;
        }
        System.gc();
        return true;
    }

    /** True when a request of {@code request} bytes, and a margin, would not fit in eden's free bytes. */
    static boolean needed(long edenSize, long edenUsed, long request) {
        return edenSize - edenUsed < request + request / 8 * MARGIN_EIGHTHS;
    }
}
