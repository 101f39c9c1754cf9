// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.Locale;

import org.orrery.dsl.model.Units;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/** Memory map and per-partition utilisation, as plain text for reviews and CI logs. */
public final class ResourceReport {

    private ResourceReport() {
    }

    public static String memoryMap(SystemConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append("Memory map of system ").append(c.name()).append('\n');
        sb.append("board ").append(c.board().name()).append(": ").append(Units.formatBytes(c.board().memorySize()))
                .append(" RAM\n\nbudgets (laid out in declaration order)\n");
        MemoryLayout.Layout layout = MemoryLayout.of(c);
        for (MemoryLayout.Budget b : layout.budgets()) {
            String what = (b.owner() == MemoryLayout.Owner.VM ? "vm " : "partition ") + b.name();
            sb.append(String.format(Locale.ROOT, "  %-28s +0x%012x %s%n", what, b.offset(), Units.formatBytes(b.size())));
        }
        sb.append(String.format(Locale.ROOT, "  %-28s %s%n", "free", Units.formatBytes(layout.free())));
        if (!c.memoryRegions().isEmpty()) {
            sb.append("\nregions\n");
            for (MemoryRegion r : c.memoryRegions()) {
                sb.append(String.format(Locale.ROOT, "  %-16s 0x%016x..0x%016x %-10s %-18s %s%n", r.name(), r.base(),
                        r.base() + r.size(), Units.formatBytes(r.size()), r.access(), String.join(", ", r.partitions())));
            }
        }
        return sb.toString();
    }

    /**
     * For each plan and partition: the share of processor time its windows give (window time per frame)
     * and the share its periodic processes need (sum of WCET / period).
     */
    public static String utilisation(SystemConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append("Utilisation of system ").append(c.name()).append('\n');
        for (PlanConfig plan : c.plans()) {
            sb.append("\nplan ").append(plan.name()).append('\n');
            sb.append(String.format(Locale.ROOT, "  %-20s %10s %10s %s%n", "partition", "supplied", "demanded", "status"));
            for (PartitionConfig p : c.partitions()) {
                double supplied = 0;
                for (WindowConfig w : plan.windows()) {
                    if (w.partition().equals(p.name())) {
                        long frame = plan.frames().stream().filter(f -> f.core() == w.core()).mapToLong(f -> f.majorFrameNs())
                                .findFirst().orElse(0);
                        supplied += frame == 0 ? 0 : (double) w.durationNs() / frame;
                    }
                }
                double demanded = 0;
                for (ProcessConfig pr : p.processes()) {
                    if (pr.periodNs() > 0) {
                        demanded += (double) pr.wcetNs() / pr.periodNs();
                    }
                }
                if (supplied == 0 && demanded == 0) {
                    continue;
                }
                String status = supplied == 0 ? "not scheduled" : demanded <= supplied ? "ok" : "overloaded";
                sb.append(String.format(Locale.ROOT, "  %-20s %9.1f%% %9.1f%% %s%n", p.name(), 100 * supplied, 100 * demanded, status));
            }
        }
        return sb.toString();
    }
}
