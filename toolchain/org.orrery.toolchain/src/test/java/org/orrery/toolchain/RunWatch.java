// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.orrery.os.api.PartitionMode;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * What a running board's trace has shown so far, for a test that ends a real-time run once what it checks has happened
 * rather than after a fixed time: which partitions the health monitor reported, which reached NORMAL, and how far
 * board time got.
 */
final class RunWatch implements TraceSink {
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();
    private final Set<Long> normal = ConcurrentHashMap.newKeySet();
    private volatile long boardTimeNs;

    @Override
    public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
        if (timestampNs > boardTimeNs) {
            boardTimeNs = timestampNs;
        }
        if (typeId == TraceEventType.HM_EVENT.id()) {
            reported.add(f0);
        } else if (typeId == TraceEventType.PARTITION_MODE.id() && f2 == PartitionMode.NORMAL.ordinal()) {
            normal.add(f0);
        }
    }

    /** The indices of the partitions that have reached NORMAL at least once. */
    Set<Long> normal() {
        return Set.copyOf(normal);
    }

    /** Whether the health monitor has reported an error of the partition with index {@code partition}. */
    boolean reported(int partition) {
        return reported.contains((long) partition);
    }

    /** The latest board time an event was stamped with. */
    long boardTimeNs() {
        return boardTimeNs;
    }
}
