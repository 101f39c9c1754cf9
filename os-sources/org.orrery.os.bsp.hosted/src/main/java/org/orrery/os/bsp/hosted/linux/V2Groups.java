// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Groups in a pure cgroup v2 layout: the board's group below this process's own group, with memory, pids and
 * cpuset enabled for its children; each partition is a leaf with memory.max (no swap), pids.max, a cpuset, and
 * is frozen with cgroup.freeze and killed with cgroup.kill.
 */
final class V2Groups extends GroupFactory {
    static final List<String> CONTROLLERS = List.of("memory", "pids", "cpuset");
    private static final String ENABLE = "+memory +pids +cpuset";

    private final Path own;

    V2Groups(CgroupLayout layout) {
        this.own = layout.v2Group;
    }

    @Override
    FreezeInterface freezeInterface() {
        return FreezeInterface.V2_CGROUP_FREEZE;
    }

    /** The required controllers missing from {@code group}'s cgroup.controllers (what its parent delegates). */
    static List<String> missingControllers(Path group) throws BoardUnavailableException {
        Set<String> have = Set.of(CgroupFiles.read(group.resolve("cgroup.controllers")).trim().split("\\s+"));
        return CONTROLLERS.stream().filter(c -> !have.contains(c)).toList();
    }

    @Override
    List<Path> boardParents() {
        return List.of(own);
    }

    @Override
    List<Path> createBoard(String board) throws BoardUnavailableException {
        Set<String> enabled = Set.of(CgroupFiles.read(own.resolve("cgroup.subtree_control")).trim().split("\\s+"));
        if (!enabled.containsAll(CONTROLLERS)) {
            enableBelowOwnGroup();
        }
        Path dir = own.resolve(board);
        List<Path> dirs = mkdirs(List.of(dir));
        try {
            CgroupFiles.write(dir.resolve("cgroup.subtree_control"), ENABLE);
            return dirs;
        } catch (BoardUnavailableException e) {
            removeQuietly(dirs);
            throw e;
        }
    }

    /**
     * cgroup v2 lets a group hand controllers to its children only while it holds no process itself (except the
     * root): the board must be started in a delegated group of its own whose processes moved to a leaf.
     */
    private void enableBelowOwnGroup() throws BoardUnavailableException {
        try {
            CgroupFiles.write(own.resolve("cgroup.subtree_control"), ENABLE);
        } catch (BoardUnavailableException e) {
            List<Long> procs = CgroupFiles.procs(own);
            if (!procs.isEmpty()) {
                throw new BoardUnavailableException(own + ": cannot enable memory, pids and cpuset for child groups "
                        + "because the group holds processes " + procs + " (cgroup v2 allows controllers only "
                        + "below groups without processes): start the board in a delegated cgroup whose "
                        + "processes sit in a leaf (e.g. systemd-run -p Delegate=yes, then move them to a child)");
            }
            throw e;
        }
    }

    @Override
    CgroupPartition createPartition(String board, String name, long memoryBytes, int maxPids, BitSet cpus,
            Runnable onClose) throws BoardUnavailableException {
        checkArguments(name, memoryBytes, maxPids, cpus);
        Path boardDir = own.resolve(board);
        checkCpus(name, cpus, boardDir.resolve("cpuset.cpus.effective"));
        Path dir = boardDir.resolve(name);
        List<Path> dirs = mkdirs(List.of(dir));
        Freezer freezer = null;
        CpuPin pin = null;
        try {
            CgroupFiles.write(dir.resolve("memory.max"), Long.toString(memoryBytes));
            if (Files.exists(dir.resolve("memory.swap.max"))) {
                CgroupFiles.write(dir.resolve("memory.swap.max"), "0");
            }
            CgroupFiles.write(dir.resolve("pids.max"), Integer.toString(maxPids));
            CgroupFiles.write(dir.resolve("cpuset.cpus"), CpuList.format(cpus));
            CgroupFiles.write(dir.resolve("cpuset.mems"),
                    CgroupFiles.read(boardDir.resolve("cpuset.mems.effective")));
            Path kill = dir.resolve("cgroup.kill");
            freezer = Freezer.open(FreezeInterface.V2_CGROUP_FREEZE, dir);
            pin = CpuPin.open(dir.resolve("cpuset.cpus"), cpus);
            return new CgroupPartition(name, dirs, freezer, dir.resolve("memory.events"),
                    Files.exists(kill) ? kill : null,
                    Files.exists(dir.resolve("cpu.pressure")) ? dir.resolve("cpu.pressure") : null, pin, onClose);
        } catch (BoardUnavailableException e) {
            if (freezer != null) {
                freezer.close();
            }
            if (pin != null) {
                pin.close();
            }
            removeQuietly(dirs);
            throw e;
        }
    }
}
