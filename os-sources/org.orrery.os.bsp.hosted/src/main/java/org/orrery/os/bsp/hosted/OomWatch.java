// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.orrery.os.bsp.hosted.linux.PartitionGroup;
import org.orrery.os.config.PartitionConfig;

/**
 * Tells a partition process killed by its cgroup's out-of-memory killer from any other loss: the kernel then reports
 * MEMORY_VIOLATION (as for an exhausted heap), not a process that ended unexpectedly. A JVM that touches more memory
 * than its cgroup allows (off-heap buffers, thread stacks, metaspace beside a full heap) never sees an
 * OutOfMemoryError: Linux kills it with SIGKILL and counts the kill in the group's {@code oom_kill} (v2
 * memory.events, v1 memory.oom_control). A kill counted since the last look belongs to the process just lost: a group
 * holds one partition process at a time.
 */
final class OomWatch {
    private final PartitionGroup[] groups;
    private final long[] seen;
    private final long allowance;

    OomWatch(PartitionGroup[] groups, long allowance) {
        this.groups = groups;
        this.seen = new long[groups.length];
        this.allowance = allowance;
    }

    /** How {@code partition}'s process ran out of memory (one line), or null when it did not. */
    synchronized String killedForMemory(PartitionConfig partition) {
        PartitionGroup g = groups[partition.index()];
        if (g == null) {
            return null;
        }
        long kills;
        try {
            kills = g.oomKills();
        } catch (BoardUnavailableException e) {
            return null; // the loss is still reported, as a process that ended unexpectedly
        }
        if (kills <= seen[partition.index()]) {
            return null;
        }
        seen[partition.index()] = kills;
        return "partition process killed by the out-of-memory killer at its cgroup's limit of "
                + mib(Math.max(partition.memoryBudget(), 4L << 20) + allowance) + " (memory budget "
                + mib(partition.memoryBudget()) + " + " + mib(allowance) + " for the JVM)";
    }

    private static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
