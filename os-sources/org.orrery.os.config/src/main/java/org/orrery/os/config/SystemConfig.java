// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;
import java.util.Optional;

/**
 * The canonical configuration of a whole system: what the DSL generates, the image carries and the
 * kernel boots. Immutable; lists keep the order of the source, and list positions are canonical
 * indices (a partition's {@code index} equals its position). Optional strings are {@code ""}, never null.
 * {@link ConfigValidator} checks ranges and references; {@link ConfigWriter}/{@link ConfigReader}
 * convert to and from the binary format.
 */
public record SystemConfig(
        String name,
        BoardConfig board,
        List<MemoryRegion> memoryRegions,
        List<PartitionConfig> partitions,
        List<ChannelConfig> channels,
        List<PlanConfig> plans,
        String initialPlan,
        List<PlanSwitchRule> planSwitchRules,
        List<HmTable> hmTables,
        List<ServiceConfig> services,
        List<VmConfig> vms) {

    public SystemConfig {
        name = Checks.str(name, "name");
        board = Checks.obj(board, "board");
        memoryRegions = Checks.list(memoryRegions, "memoryRegions");
        partitions = Checks.list(partitions, "partitions");
        channels = Checks.list(channels, "channels");
        plans = Checks.list(plans, "plans");
        initialPlan = Checks.str(initialPlan, "initialPlan");
        planSwitchRules = Checks.list(planSwitchRules, "planSwitchRules");
        hmTables = Checks.list(hmTables, "hmTables");
        services = Checks.list(services, "services");
        vms = Checks.list(vms, "vms");
    }

    public Optional<PartitionConfig> partition(String partitionName) {
        return partitions.stream().filter(p -> p.name().equals(partitionName)).findFirst();
    }

    public Optional<PlanConfig> plan(String planName) {
        return plans.stream().filter(p -> p.name().equals(planName)).findFirst();
    }

    /** Index of the named plan, or -1. */
    public int planIndex(String planName) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).name().equals(planName)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the named partition, or -1. */
    public int partitionIndex(String partitionName) {
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).name().equals(partitionName)) {
                return i;
            }
        }
        return -1;
    }
}
