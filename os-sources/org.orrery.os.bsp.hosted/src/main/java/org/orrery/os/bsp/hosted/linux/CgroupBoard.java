// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/** A board's cgroup subtree: the directories it created and the partition groups still open below them. */
final class CgroupBoard implements BoardGroup {
    private final String name;
    private final GroupFactory factory;
    private final List<Path> dirs;
    private final List<PartitionGroup> partitions = new CopyOnWriteArrayList<>();

    CgroupBoard(String name, GroupFactory factory, List<Path> dirs) {
        this.name = name;
        this.factory = factory;
        this.dirs = List.copyOf(dirs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PartitionGroup partition(String partition, long memoryBytes, int maxPids, BitSet cpus)
            throws BoardUnavailableException {
        PartitionGroup[] self = new PartitionGroup[1];
        self[0] = factory.createPartition(name, partition, memoryBytes, maxPids, cpus,
                () -> partitions.remove(self[0]));
        partitions.add(self[0]);
        return self[0];
    }

    @Override
    public List<PartitionGroup> partitions() {
        return List.copyOf(partitions);
    }

    /** Closes every partition even when one fails, then removes the board's directories; reports the first failure. */
    @Override
    public void close() throws BoardUnavailableException {
        BoardUnavailableException first = null;
        for (PartitionGroup p : new ArrayList<>(partitions)) {
            try {
                p.close();
            } catch (BoardUnavailableException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Path d : dirs.reversed()) {
            CgroupFiles.rmdir(d, deadline);
        }
    }
}
