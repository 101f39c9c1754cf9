// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.orrery.dsl.model.Units;
import org.orrery.os.config.CoreFrame;
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
            // One pass over the windows, not one per partition (a million steps for 1,000 partitions); each
            // partition's shares are added in window order, as before, so the figures are the same to the last bit.
            Map<Integer, Long> frames = new HashMap<>();
            for (CoreFrame f : plan.frames()) {
                frames.putIfAbsent(f.core(), f.majorFrameNs());
            }
            Map<String, Double> suppliedTo = new HashMap<>();
            for (WindowConfig w : plan.windows()) {
                long frame = frames.getOrDefault(w.core(), 0L);
                suppliedTo.merge(w.partition(), frame == 0 ? 0 : (double) w.durationNs() / frame, Double::sum);
            }
            for (PartitionConfig p : c.partitions()) {
                double supplied = suppliedTo.getOrDefault(p.name(), 0.0);
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
