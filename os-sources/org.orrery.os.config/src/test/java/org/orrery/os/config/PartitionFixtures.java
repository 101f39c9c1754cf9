// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.orrery.os.config.Fixture.LONG;
import static org.orrery.os.config.Fixture.MAX;
import static org.orrery.os.config.Fixture.MS;
import static org.orrery.os.config.Fixture.TOO_LONG;
import static org.orrery.os.config.Fixture.full;
import static org.orrery.os.config.Fixture.row;
import static org.orrery.os.config.Fixture.spare;
import static org.orrery.os.config.Fixture.withFillers;

import java.util.ArrayList;
import java.util.List;

/** Fixture rows for partitions, their processes and ports, and memory regions. Most break the spare partition. */
final class PartitionFixtures {
    private static final String SPARE = "partitions[spare]";

    private PartitionFixtures() {
    }

    static List<Fixture> rows() {
        List<Fixture> rows = new ArrayList<>(partitions());
        rows.addAll(processesAndPorts());
        rows.addAll(memoryRegions());
        return rows;
    }

    private static List<Fixture> partitions() {
        return List.of(
            row(() -> withFillers(Limits.MAX_PARTITIONS), "partitions", "has 4097 entries, at most 4096 allowed"),
            row(() -> spare().set("partitions[3].name", "nav"), "partitions", "duplicate name 'nav'"),
            row(() -> spare().set("partitions[3].name", ""), "partitions[3].name", "must not be empty"),
            row(() -> spare().set("partitions[3].index", 7), SPARE + ".index",
                    "must equal the partition's position 3 (is 7)"),
            row(() -> spare().set("partitions[3].cores", List.of()), SPARE + ".cores", "must name at least one core"),
            row(() -> spare().set("partitions[3].cores", List.of(4)), SPARE + ".cores", "must be in 0..3 (is 4)"),
            row(() -> spare().set("partitions[3].cores", List.of(1, 0)), SPARE + ".cores",
                    "must be ascending without duplicates"),
            row(() -> spare().set("partitions[3].memoryBudget", 0), SPARE + ".memoryBudget",
                    "must be in 1..1073741824 (is 0)"),
            row(() -> spare().set("partitions[3].policy", SchedulingPolicy.ROUND_ROBIN), SPARE + ".timeSliceNs",
                    "must be in 1.." + MAX + " (is 0)"),
            row(() -> spare().set("partitions[3].timeSliceNs", MS), SPARE + ".timeSliceNs",
                    "must be 0 unless the policy is ROUND_ROBIN"),
            row(() -> spare().set("partitions[3].entryClass", LONG), SPARE + ".entryClass", TOO_LONG),
            row(() -> spare().set("partitions[3].sourcePath", LONG), SPARE + ".sourcePath", TOO_LONG),
            row(() -> spare().set("partitions[3].entryClass", ""), SPARE + ".entryClass",
                    "must name the application class"),
            row(() -> spare().set("partitions[3].watchdogPeriodNs", -1), SPARE + ".watchdogPeriodNs",
                    "must be in 0.." + MAX + " (is -1)"),
            // Each budget fits the board alone; together (64 + 128 + 32 MiB + 1 GiB) they do not.
            row(() -> spare().set("partitions[3].memoryBudget", 1L << 30), "partitions",
                    "memory budgets total 1308622848 bytes, more than the board's 1073741824"));
    }

    private static List<Fixture> processesAndPorts() {
        String work = SPARE + ".processes[work]";
        return List.of(
            row(() -> spare().set("partitions[3].processes", processes(129)), SPARE + ".processes",
                    "has 129 entries, at most 128 allowed"),
            row(() -> spare().add("partitions[3].processes", process("work")), SPARE + ".processes",
                    "duplicate name 'work'"),
            row(() -> spare().set("partitions[3].processes[0].name", ""), SPARE + ".processes[0].name",
                    "must not be empty"),
            row(() -> spare().set("partitions[3].processes[0].periodNs", 0), work + ".periodNs",
                    "must be in 1.." + MAX + " (is 0)"),
            row(() -> spare().set("partitions[3].processes[0].kind", ProcessKind.APERIODIC), work + ".periodNs",
                    "must be 0 for an aperiodic process"),
            row(() -> spare().set("partitions[3].processes[0].deadlineNs", -1), work + ".deadlineNs",
                    "must be in 0.." + MAX + " (is -1)"),
            row(() -> spare().set("partitions[3].processes[0].priority", 256), work + ".priority",
                    "must be in 0..255 (is 256)"),
            row(() -> spare().set("partitions[3].processes[0].wcetNs", -1), work + ".wcetNs",
                    "must be in 0.." + MAX + " (is -1)"),
            row(() -> spare().set("partitions[3].processes[0].stackSize", 0), work + ".stackSize",
                    "must be in 1.." + MAX + " (is 0)"),
            row(() -> spare().set("partitions[3].ports", ports(129)), SPARE + ".ports",
                    "has 129 entries, at most 128 allowed"),
            row(() -> spare().add("partitions[3].ports", new PortConfig("out", PortKind.SAMPLING,
                    PortDirection.SOURCE, 8, 0, 0)), SPARE + ".ports", "duplicate name 'out'"),
            row(() -> spare().set("partitions[3].ports[0].name", ""), SPARE + ".ports[0].name", "must not be empty"),
            row(() -> spare().set("partitions[3].ports[0].maxMessageSize", 65537), SPARE + ".ports[out].maxMessageSize",
                    "must be in 1..65536 (is 65537)"),
            row(() -> spare().set("partitions[3].ports[2].queueDepth", 0), SPARE + ".ports[qout].queueDepth",
                    "must be in 1..4096 (is 0)"),
            row(() -> spare().set("partitions[3].ports[3].refreshPeriodNs", MS), SPARE + ".ports[qin].refreshPeriodNs",
                    "must be 0 for a queuing port"),
            row(() -> spare().set("partitions[3].ports[1].queueDepth", 1), SPARE + ".ports[in].queueDepth",
                    "must be 0 for a sampling port"),
            row(() -> spare().set("partitions[3].ports[0].refreshPeriodNs", MS), SPARE + ".ports[out].refreshPeriodNs",
                    "must be 0 for a sampling source (validity is judged by readers)"),
            row(() -> spare().set("partitions[3].ports[1].refreshPeriodNs", -1), SPARE + ".ports[in].refreshPeriodNs",
                    "must be in 0.." + MAX + " (is -1)"));
    }

    /** full() has "shared" at 0x1000_0000 (4 KiB) and "rom" at 0 (64 KiB). */
    private static List<Fixture> memoryRegions() {
        return List.of(
            row(() -> full().set("memoryRegions", regions(1025)), "memoryRegions",
                    "has 1025 entries, at most 1024 allowed"),
            row(() -> full().add("memoryRegions", new MemoryRegion("rom", 0x2000_0000L, 4096, MemoryAccess.READ,
                    List.of())), "memoryRegions", "duplicate name 'rom'"),
            row(() -> full().set("memoryRegions[1].name", ""), "memoryRegions[1].name", "must not be empty"),
            row(() -> full().set("memoryRegions[1].base", -1), "memoryRegions[rom].base",
                    "must be in 0.." + MAX + " (is -1)"),
            row(() -> full().set("memoryRegions[1].size", 0), "memoryRegions[rom].size",
                    "must be in 1.." + MAX + " (is 0)"),
            row(() -> full().set("memoryRegions[1].partitions", List.of("ghost")), "memoryRegions[rom].partitions",
                    "unknown partition 'ghost'"),
            row(() -> full().set("memoryRegions[1].base", 0x1000_0000L - 4096), "memoryRegions[rom]",
                    "overlaps memory region 'shared'"));
    }

    private static ProcessConfig process(String name) {
        return new ProcessConfig(name, ProcessKind.APERIODIC, 0, 0, 1, 0, 4096);
    }

    private static List<ProcessConfig> processes(int n) {
        List<ProcessConfig> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(process("w" + i));
        }
        return list;
    }

    private static List<PortConfig> ports(int n) {
        List<PortConfig> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new PortConfig("p" + i, PortKind.SAMPLING, PortDirection.SOURCE, 8, 0, 0));
        }
        return list;
    }

    private static List<MemoryRegion> regions(int n) {
        List<MemoryRegion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new MemoryRegion("r" + i, 4096L * i, 4096, MemoryAccess.READ, List.of()));
        }
        return list;
    }
}
