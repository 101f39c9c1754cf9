// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.util.BitSet;
import java.util.List;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/** The cgroup subtree of one hosted board: one child group per partition. */
public interface BoardGroup extends AutoCloseable {
    String name();

    /**
     * Creates the group of partition {@code name}: at most {@code memoryBytes} of memory (no swap), at most
     * {@code maxPids} processes and threads, only {@code cpus} (a subset of the board's cpuset).
     */
    PartitionGroup partition(String name, long memoryBytes, int maxPids, BitSet cpus)
            throws BoardUnavailableException;

    /** The partition groups created so far and not closed. */
    List<PartitionGroup> partitions();

    /** Closes every partition group (killing their processes) and removes every directory the board created. */
    @Override
    void close() throws BoardUnavailableException;
}
