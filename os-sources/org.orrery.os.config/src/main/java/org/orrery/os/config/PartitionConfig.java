// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;
import java.util.Optional;

/**
 * A partition.
 *
 * @param name unique partition name
 * @param index canonical index, equal to the position in {@link SystemConfig#partitions()}
 * @param cores cores the partition may have windows on (ascending, no duplicates)
 * @param memoryBudget bytes; the budgets of all partitions fit in the board memory
 * @param criticality design assurance level
 * @param policy process scheduling policy inside the partition's windows
 * @param timeSliceNs round-robin quantum (only for {@link SchedulingPolicy#ROUND_ROBIN}, &gt; 0 there, 0 otherwise)
 * @param entryClass fully qualified class implementing {@code org.orrery.os.api.PartitionApplication}
 * @param sourcePath application source directory or jar, relative to the system file ({@code ""} = none)
 * @param watchdogPeriodNs software watchdog period, 0 = no software watchdog
 * @param processes the processes the application may create (position = process index)
 * @param ports the partition's ports (position = port index)
 */
public record PartitionConfig(
        String name,
        int index,
        List<Integer> cores,
        long memoryBudget,
        Criticality criticality,
        SchedulingPolicy policy,
        long timeSliceNs,
        String entryClass,
        String sourcePath,
        long watchdogPeriodNs,
        List<ProcessConfig> processes,
        List<PortConfig> ports) {

    public PartitionConfig {
        name = Checks.str(name, "partition.name");
        cores = Checks.list(cores, "partition.cores");
        criticality = Checks.obj(criticality, "partition.criticality");
        policy = Checks.obj(policy, "partition.policy");
        entryClass = Checks.str(entryClass, "partition.entryClass");
        sourcePath = Checks.str(sourcePath, "partition.sourcePath");
        processes = Checks.list(processes, "partition.processes");
        ports = Checks.list(ports, "partition.ports");
    }

    public Optional<PortConfig> port(String portName) {
        return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
    }

    /** Index of the named port, or -1. */
    public int portIndex(String portName) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(portName)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the named process, or -1. */
    public int processIndex(String processName) {
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).name().equals(processName)) {
                return i;
            }
        }
        return -1;
    }
}
