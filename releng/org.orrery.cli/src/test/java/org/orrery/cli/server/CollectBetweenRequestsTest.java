// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;

import org.junit.jupiter.api.Test;

/** When the compile server collects between two requests: only when the next one might not fit. */
class CollectBetweenRequestsTest {

    private static final long MB = 1 << 20;

    @Test
    void collectsOnlyWhenTheLastRequestAndAQuarterNoLongerFitInFreeEden() {
        assertFalse(CollectBetweenRequests.needed(600 * MB, 250 * MB, 280 * MB), "350 MB free, 350 MB needed");
        assertTrue(CollectBetweenRequests.needed(600 * MB, 251 * MB, 280 * MB), "349 MB free, 350 MB needed");
        assertTrue(CollectBetweenRequests.needed(600 * MB, 300 * MB, 280 * MB), "after a second request of a large system");
        assertFalse(CollectBetweenRequests.needed(600 * MB, 300 * MB, 5 * MB), "small requests: once in many");
    }

    @Test
    void aRequestThatAllocatedMoreThanEdenHoldsIsFollowedByACollection() {
        CollectBetweenRequests heap = CollectBetweenRequests.create();
        heap.requestStarts();
        long sink = 0;
        for (long allocated = 0; allocated < edenSize() + 64 * MB; allocated += MB) {
            byte[] garbage = new byte[(int) MB];
            garbage[(int) (allocated / MB % MB)] = 1;
            sink += garbage.length;
        }
        assertTrue(sink > 0);
        assertTrue(heap.requestEnded(), "eden cannot hold another request of this size");
    }

    private static long edenSize() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Eden")) {
                MemoryUsage u = pool.getUsage();
                return Math.max(u.getMax(), u.getCommitted());
            }
        }
        throw new AssertionError("no eden in this JVM's collector");
    }
}
