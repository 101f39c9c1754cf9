// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import static org.orrery.dsl.arinc.ArincNames.MODULE_EXT;
import static org.orrery.dsl.arinc.ArincNames.PARTITION_EXT;
import static org.orrery.dsl.arinc.ArincNames.PROCESS_EXT;
import static org.orrery.dsl.arinc.ArincNames.SCHEDULE_EXT;
import static org.orrery.dsl.arinc.ArincNames.WINDOW_EXT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * Writes a system as an ARINC 653 module configuration ({@code ARINC_653_Module}) valid against the ARINC 653
 * module schema. Identifiers are canonical indices plus one (ARINC numbers from 1); times are seconds. What the
 * standard cannot say (several cores, per-core frames, plan switches, scheduling policy, Orrery's extra errors
 * and actions, the board, services, VMs) goes into the schema's extension points, in the namespaces of
 * {@link ArincNames}, with the layouts of {@link ArincNames#EXTENSION_SCHEMAS}. {@link ArincImporter} reads
 * both back.
 */
public final class ArincExporter {

    private ArincExporter() {
    }

    public static String export(SystemConfig c) {
        XmlOut w = new XmlOut();
        w.open("ARINC_653_Module").namespace("mod", MODULE_EXT).namespace("part", PARTITION_EXT)
                .namespace("proc", PROCESS_EXT).namespace("win", WINDOW_EXT).namespace("sched", SCHEDULE_EXT)
                .attr("ModuleName", c.name()).attr("ModuleVersion", "1");
        ArincHealthTables.system(w, c);
        ArincHealthTables.module(w, c);
        for (PartitionConfig p : c.partitions()) {
            partition(w, c, p);
        }
        for (PartitionConfig p : c.partitions()) {
            memory(w, c, p);
        }
        for (int i = 0; i < c.plans().size(); i++) {
            schedule(w, c, c.plans().get(i), i);
        }
        for (PartitionConfig p : c.partitions()) {
            ArincHealthTables.partition(w, c, p);
        }
        connections(w, c);
        ArincModuleExtension.write(w, c);
        w.close();
        return w.finish();
    }

    private static void partition(XmlOut w, SystemConfig c, PartitionConfig p) {
        w.open("Partition");
        ids(w, p);
        w.attr("Criticality", "LEVEL_" + p.criticality().name());
        w.attr("SystemPartition", c.planSwitchRules().stream().map(PlanSwitchRule::partition).anyMatch(p.name()::equals));
        w.attr("EntryPoint", p.entryClass());
        // The schema wants every sampling port before the first queuing port.
        for (PortKind kind : List.of(PortKind.SAMPLING, PortKind.QUEUING)) {
            for (PortConfig port : p.ports()) {
                if (port.kind() == kind) {
                    port(w, port);
                }
            }
        }
        for (ProcessConfig pr : p.processes()) {
            w.open("Process").attr("Name", pr.name()).attr("StackSize", pr.stackSize());
            w.empty("proc", PROCESS_EXT, "Orrery_Process").attr("Kind", pr.kind().name()).attr("PeriodNs", pr.periodNs())
                    .attr("DeadlineNs", pr.deadlineNs()).attr("Priority", pr.priority()).attr("WcetNs", pr.wcetNs());
            w.close();
        }
        w.empty("part", PARTITION_EXT, "Orrery_Partition")
                .attr("Cores", p.cores().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .attr("Policy", p.policy().name()).attr("TimeSliceNs", p.timeSliceNs())
                .attr("WatchdogNs", p.watchdogPeriodNs()).attr("Source", p.sourcePath());
        w.close();
    }

    private static void port(XmlOut w, PortConfig port) {
        boolean sampling = port.kind() == PortKind.SAMPLING;
        w.empty(sampling ? "Sampling_Port" : "Queuing_Port").attr("Name", port.name())
                .attr("MaxMessageSize", port.maxMessageSize()).attr("Direction", port.direction().name());
        if (sampling) {
            w.attr("RefreshRateSeconds", seconds(port.refreshPeriodNs()));
        } else {
            w.attr("MaxNbMessages", port.queueDepth());
        }
    }

    /** The partition's budget, then each region granted to it at its fixed address. */
    private static void memory(XmlOut w, SystemConfig c, PartitionConfig p) {
        w.open("Partition_Memory");
        ids(w, p);
        w.empty("Memory_Requirements").attr("Type", "DATA").attr("SizeBytes", p.memoryBudget()).attr("Access", "READ_WRITE");
        c.memoryRegions().stream().filter(r -> r.partitions().contains(p.name())).forEach(r -> w.empty("Memory_Requirements")
                .attr("RegionName", r.name()).attr("Type", "SHARED").attr("SizeBytes", r.size())
                .attr("PhysicalAddress", "0x" + Long.toHexString(r.base())).attr("Access", r.access().name()));
        w.close();
    }

    private static void schedule(XmlOut w, SystemConfig c, PlanConfig plan, int index) {
        w.open("Module_Schedule").attr("MajorFrameSeconds", seconds(majorFrame(plan))).attr("ScheduleName", plan.name())
                .attr("ScheduleIdentifier", index + 1).attr("InitialModuleSchedule", plan.name().equals(c.initialPlan()));
        int windowId = 1;
        // Each partition's windows in plan order, grouped in one pass (not one scan of the plan per partition).
        Map<String, List<WindowConfig>> byPartition = new HashMap<>();
        for (WindowConfig win : plan.windows()) {
            byPartition.computeIfAbsent(win.partition(), k -> new ArrayList<>()).add(win);
        }
        for (PartitionConfig p : c.partitions()) {
            List<WindowConfig> mine = byPartition.getOrDefault(p.name(), List.of()).stream()
                    .sorted(Comparator.comparingInt(WindowConfig::core).thenComparingLong(WindowConfig::startNs)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            long period = plan.frames().stream().filter(f -> f.core() == mine.get(0).core())
                    .mapToLong(CoreFrame::majorFrameNs).findFirst().orElse(majorFrame(plan));
            long duration = mine.stream().mapToLong(WindowConfig::durationNs).sum();
            w.open("Partition_Schedule");
            ids(w, p);
            w.attr("PeriodSeconds", seconds(period)).attr("PeriodDurationSeconds", seconds(duration));
            int first = windowId;
            for (WindowConfig win : mine) {
                w.empty("Window_Schedule").attr("WindowIdentifier", windowId++).attr("WindowStartSeconds", seconds(win.startNs()))
                        .attr("WindowDurationSeconds", seconds(win.durationNs())).attr("PartitionPeriodStart", windowId - 1 == first);
            }
            for (int i = 0; i < mine.size(); i++) {
                w.empty("win", WINDOW_EXT, "Orrery_Window").attr("WindowIdentifier", first + i).attr("Core", mine.get(i).core());
            }
            w.close();
        }
        w.open("sched", SCHEDULE_EXT, "Orrery_Plan");
        for (CoreFrame f : plan.frames()) {
            w.empty("sched", SCHEDULE_EXT, "Frame").attr("Core", f.core()).attr("MajorFrameNs", f.majorFrameNs());
        }
        for (PlanSwitchRule r : c.planSwitchRules()) {
            if (r.fromPlan().equals(plan.name())) {
                w.empty("sched", SCHEDULE_EXT, "Switch").attr("To", r.toPlan()).attr("By", r.partition());
            }
        }
        w.close();
        w.close();
    }

    private static long majorFrame(PlanConfig plan) {
        return plan.frames().stream().mapToLong(CoreFrame::majorFrameNs).max().orElse(0);
    }

    private static void connections(XmlOut w, SystemConfig c) {
        w.open("Connection_Table");
        // One lookup per endpoint: SystemConfig.partitionIndex scans the partitions (20,000 scans of 1,000 here).
        Map<String, Integer> identifiers = new HashMap<>();
        for (PartitionConfig p : c.partitions()) {
            identifiers.putIfAbsent(p.name(), p.index() + 1);
        }
        for (int i = 0; i < c.channels().size(); i++) {
            ChannelConfig ch = c.channels().get(i);
            w.open("Channel").attr("ChannelIdentifier", i + 1).attr("ChannelName", ch.name());
            endpoint(w, identifiers, "Source", ch.source());
            for (PortEndpoint d : ch.destinations()) {
                endpoint(w, identifiers, "Destination", d);
            }
            w.close();
        }
        w.close();
    }

    private static void endpoint(XmlOut w, Map<String, Integer> identifiers, String role, PortEndpoint e) {
        w.open(role);
        w.empty("Standard_Partition").attr("PartitionIdentifier", identifiers.getOrDefault(e.partition(), 0))
                .attr("PartitionName", e.partition()).attr("PortName", e.port());
        w.close();
    }

    static void ids(XmlOut w, PartitionConfig p) {
        w.attr("PartitionIdentifier", p.index() + 1).attr("PartitionName", p.name());
    }

    /** Exact decimal seconds, e.g. 0.025 for 25 ms. */
    static String seconds(long ns) {
        return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
    }
}
