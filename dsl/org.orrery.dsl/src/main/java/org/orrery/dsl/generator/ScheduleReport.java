// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.orrery.dsl.model.Units;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;

/** The schedule as a text table (all plans and cores) and as one SVG Gantt chart per plan and core. */
public final class ScheduleReport {


    private ScheduleReport() {
    }

    public static String table(SystemConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append("Schedule of system ").append(config.name()).append('\n');
        for (PlanConfig plan : config.plans()) {
            sb.append('\n').append("plan ").append(plan.name())
                    .append(plan.name().equals(config.initialPlan()) ? " (initial)" : "").append('\n');
            for (Slots core : Slots.of(config, plan)) {
                sb.append(String.format(Locale.ROOT, "  core %d, major frame %s%n", core.core(), Units.formatNanos(core.frame())));
                sb.append(String.format(Locale.ROOT, "    %-12s %-12s %-12s %s%n", "start", "end", "duration", "runs"));
                long busy = 0;
                for (Slots.Slot s : core.slots()) {
                    sb.append(String.format(Locale.ROOT, "    %-12s %-12s %-12s %s%s%n", Units.formatNanos(s.start()),
                            Units.formatNanos(s.end()), Units.formatNanos(s.duration()), s.vm() ? "vm " : "", s.owner()));
                    busy += s.duration();
                }
                sb.append(String.format(Locale.ROOT, "    idle %s of %s%n", Units.formatNanos(core.frame() - busy),
                        Units.formatNanos(core.frame())));
            }
        }
        return sb.toString();
    }

    /** SVG files keyed by file name, e.g. {@code gantt-normal-core0.svg}. */
    public static Map<String, String> gantt(SystemConfig config) {
        Map<String, String> files = new LinkedHashMap<>();
        // A partition's colour follows its position in the system (looked up once, not per core and slot).
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < config.partitions().size(); i++) {
            positions.putIfAbsent(config.partitions().get(i).name(), i);
        }
        for (PlanConfig plan : config.plans()) {
            for (Slots core : Slots.of(config, plan)) {
                files.put("gantt-" + plan.name() + "-core" + core.core() + ".svg", svg(config, plan, core, positions));
            }
        }
        return files;
    }

    private static String svg(SystemConfig config, PlanConfig plan, Slots core, Map<String, Integer> positions) {
        int width = 800;
        int left = 10;
        int barTop = 40;
        int barHeight = 40;
        double scale = core.frame() == 0 ? 0 : (double) (width - 2 * left) / core.frame();
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"120\" ")
                .append("font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.append("  <title>").append(esc(config.name())).append(" plan ").append(esc(plan.name())).append(" core ")
                .append(core.core()).append("</title>\n");
        sb.append("  <text x=\"").append(left).append("\" y=\"20\">plan ").append(esc(plan.name())).append(", core ")
                .append(core.core()).append(", major frame ").append(Units.formatNanos(core.frame())).append("</text>\n");
        sb.append("  <rect x=\"").append(left).append("\" y=\"").append(barTop).append("\" width=\"").append(width - 2 * left)
                .append("\" height=\"").append(barHeight).append("\" fill=\"#eeeeee\" stroke=\"#999999\"/>\n");
        for (Slots.Slot s : core.slots()) {
            double x = left + s.start() * scale;
            double w = Math.max(1, s.duration() * scale);
            String colour = PartitionColours.hex(s.vm() ? PartitionColours.VM
                    : PartitionColours.rgb(positions.getOrDefault(s.owner(), -1)));
            sb.append(String.format(Locale.ROOT, "  <rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s %s..%s</title></rect>%n", x, barTop, w, barHeight, colour, esc(s.owner()),
                    Units.formatNanos(s.start()), Units.formatNanos(s.end())));
            sb.append(String.format(Locale.ROOT, "  <text x=\"%.2f\" y=\"%d\" fill=\"#ffffff\">%s</text>%n", x + 2,
                    barTop + 24, esc(s.owner())));
            sb.append(String.format(Locale.ROOT, "  <text x=\"%.2f\" y=\"%d\">%s</text>%n", x, barTop + barHeight + 14,
                    Units.formatNanos(s.start())));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
