// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Groups in a hybrid layout: limits in the v1 memory, pids and cpuset hierarchies; freezing in the v1 freezer
 * or in the cgroup2 hierarchy; killing through the cgroup2 hierarchy's cgroup.kill when there is one. Every
 * partition process is added to the partition's group in each of these hierarchies.
 */
final class HybridGroups extends GroupFactory {
    private static final String UNIFIED = "unified";

    private final FreezeInterface freeze;
    /** This process's own group per hierarchy used: memory, pids, cpuset, then freezer and/or unified. */
    private final Map<String, Path> own = new LinkedHashMap<>();

    HybridGroups(CgroupLayout layout, FreezeInterface freeze) {
        this.freeze = freeze;
        for (String c : CgroupLayout.V1_CONTROLLERS) {
            own.put(c, layout.v1Groups.get(c));
        }
        if (freeze == FreezeInterface.V1_FREEZER) {
            own.put(CgroupLayout.V1_FREEZER, layout.v1Groups.get(CgroupLayout.V1_FREEZER));
        }
        if (layout.v2Group != null) {
            own.put(UNIFIED, layout.v2Group);
        }
    }

    @Override
    FreezeInterface freezeInterface() {
        return freeze;
    }

    @Override
    List<Path> boardParents() {
        return List.copyOf(own.values());
    }

    @Override
    List<Path> createBoard(String board) throws BoardUnavailableException {
        List<Path> dirs = mkdirs(own.values().stream().map(p -> p.resolve(board)).toList());
        try {
            // A new v1 cpuset starts with no cpus and no memory nodes and accepts no task until both are set.
            Path parent = own.get("cpuset");
            Path cpuset = parent.resolve(board);
            CgroupFiles.write(cpuset.resolve("cpuset.cpus"), CgroupFiles.read(parent.resolve("cpuset.cpus")));
            CgroupFiles.write(cpuset.resolve("cpuset.mems"), CgroupFiles.read(parent.resolve("cpuset.mems")));
            return dirs;
        } catch (BoardUnavailableException e) {
            removeQuietly(dirs);
            throw e;
        }
    }

    @Override
    CgroupPartition createPartition(String board, String name, long memoryBytes, int maxPids, BitSet cpus,
            Runnable onClose) throws BoardUnavailableException {
        checkArguments(name, memoryBytes, maxPids, cpus);
        Map<String, Path> dir = new LinkedHashMap<>();
        own.forEach((k, p) -> dir.put(k, p.resolve(board).resolve(name)));
        checkCpus(name, cpus, own.get("cpuset").resolve(board).resolve("cpuset.cpus"));
        List<Path> dirs = mkdirs(new ArrayList<>(dir.values()));
        Freezer freezer = null;
        CpuPin pin = null;
        try {
            Path memory = dir.get("memory");
            CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
            // Memory+swap equal to memory: a partition cannot push its excess to swap (where the kernel has swap
            // accounting; without it there is nothing to limit).
            if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                CgroupFiles.write(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
            }
            Path oomFile = memory.resolve("memory.oom_control");
            if (CgroupFiles.keyed(oomFile, "oom_kill") < 0) {
                throw new BoardUnavailableException(oomFile + ": no oom_kill line (kernel older than 4.13): the "
                        + "hosted board cannot tell an OOM kill from another death");
            }
            CgroupFiles.write(dir.get("pids").resolve("pids.max"), Integer.toString(maxPids));
            Path cpuset = dir.get("cpuset");
            CgroupFiles.write(cpuset.resolve("cpuset.cpus"), CpuList.format(cpus));
            CgroupFiles.write(cpuset.resolve("cpuset.mems"),
                    CgroupFiles.read(own.get("cpuset").resolve(board).resolve("cpuset.mems")));
            Path unified = dir.get(UNIFIED);
            freezer = Freezer.open(freeze, freeze == FreezeInterface.V1_FREEZER
                    ? dir.get(CgroupLayout.V1_FREEZER) : unified);
            Path killFile = unified != null && Files.exists(unified.resolve("cgroup.kill"))
                    ? unified.resolve("cgroup.kill") : null;
            Path pressure = unified == null ? null : unified.resolve("cpu.pressure");
            pin = CpuPin.open(cpuset.resolve("cpuset.cpus"), cpus);
            return new CgroupPartition(name, dirs, freezer, oomFile, killFile,
                    pressure != null && Files.exists(pressure) ? pressure : null, pin, onClose);
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
