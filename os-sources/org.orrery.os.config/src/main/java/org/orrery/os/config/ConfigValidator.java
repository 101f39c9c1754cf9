// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks ranges and references of a {@link SystemConfig}. The writer refuses, and the reader rejects,
 * any configuration with problems, so the kernel can boot what it reads without re-checking.
 * Schedule rules (plans, windows) live in {@link ScheduleValidator}, communication and health
 * monitor references in {@link ReferenceValidator}.
 */
public final class ConfigValidator {
    private ConfigValidator() {
    }

    /** All problems of {@code config}; empty when it is valid. */
    public static List<ConfigProblem> validate(SystemConfig config) {
        return List.copyOf(validate(new Problems(), config).list);
    }

    /** Reports into {@code p} (returned), as the delegates do: a test passes one that notes which check reported. */
    static Problems validate(Problems p, SystemConfig config) {
        p.name("name", config.name());
        board(p, config.board());
        partitions(p, config);
        memoryRegions(p, config);
        ScheduleValidator.validate(p, config);
        ReferenceValidator.validate(p, config);
        return p;
    }

    /** Throws with every problem if {@code config} is invalid. */
    public static void check(SystemConfig config) throws ConfigException {
        List<ConfigProblem> problems = validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static void board(Problems p, BoardConfig b) {
        p.name("board.name", b.name());
        p.range("board.cores", b.cores(), 1, Limits.MAX_CORES);
        p.range("board.memorySize", b.memorySize(), 1, Long.MAX_VALUE);
        p.range("board.timerTickNs", b.timerTickNs(), 1, 1_000_000_000L);
        p.range("board.hwWatchdogTimeoutNs", b.hwWatchdogTimeoutNs(), 0, Long.MAX_VALUE);
        p.range("board.nvramSize", b.nvramSize(), 0, Long.MAX_VALUE);
        p.count("board.nics", b.nics().size(), Limits.MAX_NICS);
        p.count("board.flashSlots", b.flashSlots().size(), Limits.MAX_FLASH_SLOTS);
        p.unique("board.nics", b.nics().stream().map(NicConfig::name).toList());
        for (int i = 0; i < b.nics().size(); i++) {
            String f = Problems.at("board.nics", b.nics().get(i).name(), i);
            p.name(f + ".name", b.nics().get(i).name());
            p.text(f + ".mac", b.nics().get(i).mac());
            p.text(f + ".address", b.nics().get(i).address());
        }
        nvramParams(p, b);
        p.unique("board.flashSlots", b.flashSlots().stream().map(FlashSlot::name).toList());
        for (int i = 0; i < b.flashSlots().size(); i++) {
            FlashSlot s = b.flashSlots().get(i);
            p.name(Problems.at("board.flashSlots", s.name(), i) + ".name", s.name());
            p.range(Problems.at("board.flashSlots", s.name(), i) + ".size", s.size(), 1, Long.MAX_VALUE);
        }
    }

    private static void nvramParams(Problems p, BoardConfig b) {
        p.count("board.nvramParams", b.nvramParams().size(), Limits.MAX_NVRAM_PARAMS);
        p.unique("board.nvramParams", b.nvramParams().stream().map(NvramParam::name).toList());
        long bytes = 0;
        for (int i = 0; i < b.nvramParams().size(); i++) {
            NvramParam param = b.nvramParams().get(i);
            String f = Problems.at("board.nvramParams", param.name(), i);
            p.name(f + ".name", param.name());
            p.text(f + ".value", param.value());
            if (param.type() == ParamType.INTEGER && !isLong(param.value())) {
                p.add(f + ".value", "'" + param.value() + "' is not a 64-bit decimal integer");
            }
            bytes += param.storageBytes();
        }
        if (bytes > Math.max(0, b.nvramSize())) {
            p.add("board.nvramParams", "the parameters need " + bytes + " bytes of NVRAM, the board has "
                    + b.nvramSize());
        }
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void partitions(Problems p, SystemConfig c) {
        p.count("partitions", c.partitions().size(), Limits.MAX_PARTITIONS);
        p.unique("partitions", c.partitions().stream().map(PartitionConfig::name).toList());
        long budget = 0;
        for (int i = 0; i < c.partitions().size(); i++) {
            PartitionConfig part = c.partitions().get(i);
            String f = Problems.at("partitions", part.name(), i);
            p.name(f + ".name", part.name());
            if (part.index() != i) {
                p.add(f + ".index", "must equal the partition's position " + i + " (is " + part.index() + ")");
            }
            if (part.cores().isEmpty()) {
                p.add(f + ".cores", "must name at least one core");
            }
            int last = -1;
            for (int core : part.cores()) {
                p.range(f + ".cores", core, 0, c.board().cores() - 1L);
                if (core <= last) {
                    p.add(f + ".cores", "must be ascending without duplicates");
                }
                last = core;
            }
            p.range(f + ".memoryBudget", part.memoryBudget(), 1, c.board().memorySize());
            budget += Math.max(0, part.memoryBudget());
            if (part.policy() == SchedulingPolicy.ROUND_ROBIN) {
                p.range(f + ".timeSliceNs", part.timeSliceNs(), 1, Long.MAX_VALUE);
            } else if (part.timeSliceNs() != 0) {
                p.add(f + ".timeSliceNs", "must be 0 unless the policy is ROUND_ROBIN");
            }
            p.text(f + ".entryClass", part.entryClass());
            p.text(f + ".sourcePath", part.sourcePath());
            if (part.entryClass().isEmpty()) {
                p.add(f + ".entryClass", "must name the application class");
            }
            p.range(f + ".watchdogPeriodNs", part.watchdogPeriodNs(), 0, Long.MAX_VALUE);
            processes(p, f, part);
            ports(p, f, part);
        }
        if (budget > c.board().memorySize()) {
            p.add("partitions", "memory budgets total " + budget + " bytes, more than the board's "
                    + c.board().memorySize());
        }
    }

    private static void processes(Problems p, String f, PartitionConfig part) {
        p.count(f + ".processes", part.processes().size(), Limits.MAX_PROCESSES_PER_PARTITION);
        p.unique(f + ".processes", part.processes().stream().map(ProcessConfig::name).toList());
        for (int j = 0; j < part.processes().size(); j++) {
            ProcessConfig pr = part.processes().get(j);
            String g = f + "." + Problems.at("processes", pr.name(), j);
            p.name(g + ".name", pr.name());
            if (pr.kind() == ProcessKind.PERIODIC) {
                p.range(g + ".periodNs", pr.periodNs(), 1, Long.MAX_VALUE);
            } else if (pr.periodNs() != 0) {
                p.add(g + ".periodNs", "must be 0 for an aperiodic process");
            }
            p.range(g + ".deadlineNs", pr.deadlineNs(), 0, Long.MAX_VALUE);
            p.range(g + ".priority", pr.priority(), Limits.MIN_PRIORITY, Limits.MAX_PRIORITY);
            p.range(g + ".wcetNs", pr.wcetNs(), 0, Long.MAX_VALUE);
            p.range(g + ".stackSize", pr.stackSize(), 1, Long.MAX_VALUE);
        }
    }

    private static void ports(Problems p, String f, PartitionConfig part) {
        p.count(f + ".ports", part.ports().size(), Limits.MAX_PORTS_PER_PARTITION);
        p.unique(f + ".ports", part.ports().stream().map(PortConfig::name).toList());
        for (int j = 0; j < part.ports().size(); j++) {
            PortConfig port = part.ports().get(j);
            String g = f + "." + Problems.at("ports", port.name(), j);
            p.name(g + ".name", port.name());
            p.range(g + ".maxMessageSize", port.maxMessageSize(), 1, Limits.MAX_MESSAGE_SIZE);
            if (port.kind() == PortKind.QUEUING) {
                p.range(g + ".queueDepth", port.queueDepth(), 1, Limits.MAX_QUEUE_DEPTH);
                if (port.refreshPeriodNs() != 0) {
                    p.add(g + ".refreshPeriodNs", "must be 0 for a queuing port");
                }
            } else {
                if (port.queueDepth() != 0) {
                    p.add(g + ".queueDepth", "must be 0 for a sampling port");
                }
                if (port.direction() == PortDirection.SOURCE && port.refreshPeriodNs() != 0) {
                    p.add(g + ".refreshPeriodNs", "must be 0 for a sampling source (validity is judged by readers)");
                }
                p.range(g + ".refreshPeriodNs", port.refreshPeriodNs(), 0, Long.MAX_VALUE);
            }
        }
    }

    private static void memoryRegions(Problems p, SystemConfig c) {
        p.count("memoryRegions", c.memoryRegions().size(), Limits.MAX_MEMORY_REGIONS);
        p.unique("memoryRegions", c.memoryRegions().stream().map(MemoryRegion::name).toList());
        Set<String> partitionNames = new HashSet<>(c.partitions().stream().map(PartitionConfig::name).toList());
        List<MemoryRegion> regions = c.memoryRegions();
        for (int i = 0; i < regions.size(); i++) {
            MemoryRegion r = regions.get(i);
            String f = Problems.at("memoryRegions", r.name(), i);
            p.name(f + ".name", r.name());
            p.range(f + ".base", r.base(), 0, Long.MAX_VALUE);
            p.range(f + ".size", r.size(), 1, Long.MAX_VALUE - Math.max(0, r.base()));
            for (String owner : r.partitions()) {
                if (!partitionNames.contains(owner)) {
                    p.add(f + ".partitions", "unknown partition '" + owner + "'");
                }
            }
            for (int j = 0; j < i; j++) {
                MemoryRegion o = regions.get(j);
                // Shared regions exist to overlap: the same bytes granted to other partitions with other rights.
                if (!r.shared() && !o.shared() && r.size() > 0 && o.size() > 0 && r.base() < o.base() + o.size()
                        && o.base() < r.base() + r.size()) {
                    p.add(f, "overlaps memory region '" + o.name() + "'");
                }
            }
        }
    }
}
