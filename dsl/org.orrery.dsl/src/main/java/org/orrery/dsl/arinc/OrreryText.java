// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Access;
import org.orrery.dsl.orrery.BuiltinBoard;
import org.orrery.dsl.orrery.Overflow;
import org.orrery.dsl.orrery.Policy;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.FlashSlot;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.NicConfig;
import org.orrery.os.config.NvramParam;
import org.orrery.os.config.ParamType;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.ServiceConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.VmConfig;
import org.orrery.os.config.VmKind;
import org.orrery.os.config.VmWindow;
import org.orrery.os.config.WindowConfig;

/**
 * Writes a configuration as {@code .orrery} text that compiles back to the same configuration. A board that is
 * not built in becomes a BSP holding its devices; names that are keywords are escaped with {@code ^}.
 */
public final class OrreryText {

    private final Set<String> keywords;
    private final StringBuilder out = new StringBuilder();

    /** @param keywords the language's keywords */
    public OrreryText(Set<String> keywords) {
        this.keywords = Set.copyOf(keywords);
    }

    public String write(SystemConfig c, Set<String> systemPartitions, String origin) {
        out.setLength(0);
        out.append("// ").append(origin).append('\n');
        out.append("system ").append(id(c.name())).append("\n\n");
        board(c.board());
        for (MemoryRegion r : c.memoryRegions()) {
            out.append("region ").append(id(r.name())).append(" at 0x").append(Long.toHexString(r.base())).append(" size ")
                    .append(Units.formatBytes(r.size())).append(' ').append(Access.getByName(r.access().name()).getLiteral());
            if (r.shared()) {
                out.append(" shared");
            }
            if (!r.partitions().isEmpty()) {
                out.append(" for ").append(r.partitions().stream().map(this::id).collect(Collectors.joining(", ")));
            }
            out.append('\n');
        }
        for (PartitionConfig p : c.partitions()) {
            partition(c, p, systemPartitions.contains(p.name()));
        }
        for (ChannelConfig ch : c.channels()) {
            out.append("channel ").append(id(ch.name())).append(' ').append(kind(ch.kind())).append(" from ")
                    .append(id(ch.source().partition())).append('.').append(id(ch.source().port())).append(" to ")
                    .append(ch.destinations().stream().map(d -> id(d.partition()) + "." + id(d.port())).collect(Collectors.joining(", ")));
            if (ch.kind() == PortKind.QUEUING) {
                out.append(" overflow ").append(Overflow.getByName(ch.overflow().name()).getLiteral());
            }
            out.append('\n');
        }
        out.append('\n');
        c.vms().forEach(this::vm);
        for (PlanConfig plan : c.plans()) {
            plan(c, plan);
        }
        healthMonitor(c.hmTables().stream().filter(t -> t.partition().isEmpty()).toList(), "");
        c.services().forEach(this::service);
        return out.toString();
    }

    private void board(BoardConfig b) {
        BuiltinBoard builtin = BuiltinBoard.get(b.name());
        boolean plain = builtin != null && b.nics().isEmpty() && b.nvramSize() == 0 && b.flashSlots().isEmpty() && b.console();
        if (!plain) {
            out.append("bsp ").append(id(b.name())).append(" {\n    cores ").append(b.cores()).append("\n    tick ")
                    .append(time(b.timerTickNs())).append('\n');
            out.append("    region ram at 0x0 size ").append(Units.formatBytes(b.memorySize())).append(" rw\n");
            if (b.console()) {
                out.append("    device console console0\n");
            }
            for (NicConfig n : b.nics()) {
                out.append("    device nic ").append(id(n.name())).append(" mac ").append(quote(n.mac()));
                if (!n.address().isEmpty()) {
                    out.append(" address ").append(quote(n.address()));
                }
                out.append('\n');
            }
            if (b.nvramSize() > 0) {
                out.append("    device nvram nvram0 size ").append(Units.formatBytes(b.nvramSize())).append(" {\n");
                for (NvramParam p : b.nvramParams()) {
                    out.append("        param ").append(id(p.name())).append(" = ")
                            .append(p.type() == ParamType.INTEGER ? p.value() : quote(p.value())).append('\n');
                }
                out.append("    }\n");
            }
            for (FlashSlot f : b.flashSlots()) {
                out.append("    device flash ").append(id(f.name())).append(" size ").append(Units.formatBytes(f.size())).append('\n');
            }
            out.append("}\n\nboard ").append(id(b.name())).append("\n\n");
        } else {
            out.append("board ").append(builtin.getLiteral()).append(" {\n    cores ").append(b.cores()).append("\n    memory ")
                    .append(Units.formatBytes(b.memorySize())).append("\n    tick ").append(time(b.timerTickNs())).append("\n}\n\n");
        }
        if (b.hwWatchdogTimeoutNs() > 0) {
            out.append("watchdog hardware timeout ").append(time(b.hwWatchdogTimeoutNs())).append("\n\n");
        }
    }

    private void partition(SystemConfig c, PartitionConfig p, boolean system) {
        out.append("partition ").append(id(p.name())).append(" {\n");
        out.append("    cores ").append(p.cores().stream().map(String::valueOf).collect(Collectors.joining(", "))).append('\n');
        out.append("    memory ").append(Units.formatBytes(p.memoryBudget())).append('\n');
        out.append("    criticality ").append(p.criticality().name()).append('\n');
        if (p.policy() != SchedulingPolicy.FIXED_PRIORITY) {
            out.append("    policy ").append(Policy.getByName(p.policy().name()).getLiteral()).append('\n');
        }
        if (p.policy() == SchedulingPolicy.ROUND_ROBIN) {
            out.append("    time-slice ").append(time(p.timeSliceNs())).append('\n');
        }
        if (p.watchdogPeriodNs() > 0) {
            out.append("    watchdog ").append(time(p.watchdogPeriodNs())).append('\n');
        }
        if (system) {
            out.append("    system-partition\n");
        }
        out.append("    application ").append(quote(p.entryClass()));
        if (!p.sourcePath().isEmpty()) {
            out.append(p.sourcePath().endsWith(".jar") ? " jar " : " source ").append(quote(p.sourcePath()));
        }
        out.append('\n');
        for (ProcessConfig pr : p.processes()) {
            out.append("    process ").append(id(pr.name())).append(pr.kind() == ProcessKind.PERIODIC ? " periodic" : " aperiodic");
            if (pr.kind() == ProcessKind.PERIODIC) {
                out.append(" period ").append(time(pr.periodNs()));
            }
            if (pr.deadlineNs() > 0) {
                out.append(" deadline ").append(time(pr.deadlineNs()));
            }
            if (pr.priority() != 0) {
                out.append(" priority ").append(pr.priority());
            }
            if (pr.wcetNs() > 0) {
                out.append(" wcet ").append(time(pr.wcetNs()));
            }
            out.append(" stack ").append(Units.formatBytes(pr.stackSize())).append('\n');
        }
        for (PortConfig port : p.ports()) {
            out.append("    port ").append(id(port.name())).append(' ').append(kind(port.kind()))
                    .append(port.direction() == PortDirection.SOURCE ? " out" : " in").append(" size ")
                    .append(Units.formatBytes(port.maxMessageSize()));
            if (port.refreshPeriodNs() > 0) {
                out.append(" refresh ").append(time(port.refreshPeriodNs()));
            }
            if (port.kind() == PortKind.QUEUING) {
                out.append(" depth ").append(port.queueDepth());
            }
            out.append('\n');
        }
        healthMonitor(c.hmTables().stream().filter(t -> t.partition().equals(p.name())).toList(), "    ");
        out.append("}\n\n");
    }

    private void vm(VmConfig vm) {
        out.append("vm ").append(id(vm.name())).append(vm.kind() == VmKind.QEMU ? " qemu" : " orrery").append(" {\n")
                .append("    vcpus ").append(vm.vcpus()).append("\n    memory ").append(Units.formatBytes(vm.memorySize()))
                .append("\n    kernel ").append(quote(vm.image())).append('\n');
        vm.devices().forEach(d -> out.append("    device ").append(d).append('\n'));
        out.append("}\n\n");
    }

    private void plan(SystemConfig c, PlanConfig plan) {
        out.append("plan ").append(id(plan.name())).append(plan.name().equals(c.initialPlan()) ? " initial" : "").append(" {\n");
        for (CoreFrame f : plan.frames()) {
            out.append("    core ").append(f.core()).append(" major-frame ").append(time(f.majorFrameNs())).append(" {\n");
            record Line(long start, String text) {
            }
            List<Line> lines = new java.util.ArrayList<>();
            for (WindowConfig w : plan.windows()) {
                if (w.core() == f.core()) {
                    lines.add(new Line(w.startNs(), id(w.partition()) + " at " + time(w.startNs()) + " duration " + time(w.durationNs())));
                }
            }
            for (VmConfig vm : c.vms()) {
                for (VmWindow w : vm.windows()) {
                    if (w.plan().equals(plan.name()) && w.core() == f.core()) {
                        lines.add(new Line(w.startNs(), "vm " + id(vm.name()) + " at " + time(w.startNs()) + " duration " + time(w.durationNs())));
                    }
                }
            }
            lines.stream().sorted(Comparator.comparingLong(Line::start))
                    .forEach(l -> out.append("        window ").append(l.text()).append('\n'));
            out.append("    }\n");
        }
        for (PlanSwitchRule r : c.planSwitchRules()) {
            if (r.fromPlan().equals(plan.name())) {
                out.append("    switch to ").append(id(r.toPlan())).append(" by ").append(id(r.partition())).append('\n');
            }
        }
        out.append("}\n\n");
    }

    private void healthMonitor(List<HmTable> tables, String indent) {
        if (tables.isEmpty()) {
            return;
        }
        out.append(indent).append("health-monitor {\n");
        for (HmTable t : tables) {
            out.append(indent).append("    state ").append(t.state().name()).append(" {\n");
            for (HmRule r : t.rules()) {
                out.append(indent).append("        ").append(r.error().name()).append(" at ")
                        .append(r.level().name().toLowerCase(java.util.Locale.ROOT)).append(" -> ").append(r.action().name());
                if (!r.planTarget().isEmpty()) {
                    out.append(' ').append(id(r.planTarget()));
                }
                out.append('\n');
            }
            out.append(indent).append("    }\n");
        }
        out.append(indent).append("}\n\n");
    }

    /** The OS keeps a service's name, role and network port as options; the language has words for them. */
    private void service(ServiceConfig s) {
        Map<String, String> o = s.options();
        String role = o.getOrDefault("role", "");
        String kind = s.kind().name().toLowerCase(java.util.Locale.ROOT) + (role.isEmpty() ? "" : "-" + role);
        out.append("service ").append(kind).append(' ').append(id(o.getOrDefault("name", kind.replace('-', '_'))))
                .append(" on ").append(id(s.partition()));
        if (o.containsKey("port")) {
            out.append(" port ").append(o.get("port"));
        }
        List<Map.Entry<String, String>> rest = o.entrySet().stream()
                .filter(e -> !Set.of("name", "role", "port").contains(e.getKey())).toList();
        if (!rest.isEmpty()) {
            out.append(" {\n");
            rest.forEach(e -> out.append("    ").append(id(e.getKey())).append(" = ")
                    .append(e.getValue().matches("\\d{1,9}") ? e.getValue() : quote(e.getValue())).append('\n'));
            out.append('}');
        }
        out.append('\n');
    }

    private static String kind(PortKind k) {
        return k == PortKind.SAMPLING ? "sampling" : "queuing";
    }

    private String id(String name) {
        return keywords.contains(name) ? "^" + name : name;
    }

    private static String time(long ns) {
        return ns == 0 ? "0 ms" : Units.formatNanos(ns);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
