// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Creates a board's and its partitions' directories in one cgroup layout and writes their limits. A creation
 * that fails half-way removes what it made before reporting.
 */
abstract class GroupFactory {

    /** Creates the board's directories (one per hierarchy) and returns them. */
    abstract List<Path> createBoard(String board) throws BoardUnavailableException;

    abstract CgroupPartition createPartition(String board, String name, long memoryBytes, int maxPids, BitSet cpus,
            Runnable onClose) throws BoardUnavailableException;

    /** What the group's freeze uses. */
    abstract FreezeInterface freezeInterface();

    /** The directories board groups are created in (this process's own group in each hierarchy). */
    abstract List<Path> boardParents();

    /** Creates every directory in order; on failure removes the ones made and rethrows. */
    static List<Path> mkdirs(List<Path> dirs) throws BoardUnavailableException {
        List<Path> made = new ArrayList<>();
        try {
            for (Path d : dirs) {
                CgroupFiles.mkdir(d);
                made.add(d);
            }
            return made;
        } catch (BoardUnavailableException e) {
            removeQuietly(made);
            throw e;
        }
    }

    /** Removes empty directories made by a creation that failed; the first failure is what gets reported. */
    static void removeQuietly(List<Path> dirs) {
        for (Path d : dirs.reversed()) {
            try {
                Files.deleteIfExists(d);
            } catch (java.io.IOException e) {
                // The original failure is the one the user needs; an empty group left behind is named by it.
            }
        }
    }

    /** Refuses cpus outside the board's cpuset before the kernel does so with a bare EINVAL. */
    static void checkCpus(String partition, BitSet cpus, Path boardCpus) throws BoardUnavailableException {
        BitSet allowed = CpuList.parse(CgroupFiles.read(boardCpus));
        BitSet outside = (BitSet) cpus.clone();
        outside.andNot(allowed);
        if (!outside.isEmpty()) {
            throw new BoardUnavailableException("partition " + partition + ": cpus " + CpuList.format(outside)
                    + " are not in the board's cpuset " + CpuList.format(allowed) + " (" + boardCpus + ")");
        }
    }

    static void checkArguments(String name, long memoryBytes, int maxPids, BitSet cpus) {
        Cgroups.checkName(name);
        if (memoryBytes <= 0 || maxPids <= 0 || cpus.isEmpty()) {
            throw new IllegalArgumentException("partition " + name + ": memory " + memoryBytes + " B, " + maxPids
                    + " pids, cpus " + CpuList.format(cpus) + ": each must be positive / non-empty");
        }
    }
}
