// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.orrery.dsl.generator.PartitionColours;
import org.orrery.dsl.model.BoardFacts;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Element;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Vm;
import org.orrery.dsl.orrery.Window;
import org.orrery.studio.diagram.edit.SystemModelSession;

/**
 * The schedule timeline's picture of a session, built fresh after every parse: the file's plans with a lane
 * per core, the board's timer tick (edits snap to it) and a colour per partition ({@link PartitionColours}). Only plans declared
 * in the session's own file are shown, because only that file's text can be edited through the session.
 */
/** {@code owners}: partitions then VMs, the colour order; {@code partitions}: the partitions alone. */
public record ScheduleModel(long tickNs, List<String> owners, List<String> partitions, List<PlanSchedule> plans) {

    public static ScheduleModel of(SystemModelSession session) {
        Model root = session.root();
        if (root == null) {
            return new ScheduleModel(BoardFacts.DEFAULT_TICK_NS, List.of(), List.of(), List.of());
        }
        SystemView system = SystemView.of(root);
        BoardFacts board = system.boards().isEmpty() ? null : BoardFacts.of(system.boards().get(0));
        long tick = board == null || board.tickNs() <= 0 ? BoardFacts.DEFAULT_TICK_NS : board.tickNs();
        List<String> owners = new ArrayList<>();
        Map<String, Integer> colours = new HashMap<>();
        for (Partition p : system.partitions()) {
            colours.putIfAbsent(p.getName(), PartitionColours.rgb(owners.size()));
            owners.add(p.getName());
        }
        List<String> partitions = List.copyOf(owners);
        for (Vm v : system.vms()) {
            colours.putIfAbsent(v.getName(), PartitionColours.VM);
            owners.add(v.getName());
        }
        List<PlanSchedule> plans = new ArrayList<>();
        for (Element e : root.getElements()) {
            if (e instanceof Plan plan && plan.getName() != null) {
                plans.add(plan(session, plan, colours));
            }
        }
        return new ScheduleModel(tick, List.copyOf(owners), partitions, List.copyOf(plans));
    }

    private static PlanSchedule plan(SystemModelSession session, Plan plan, Map<String, Integer> colours) {
        List<Lane> lanes = new ArrayList<>();
        for (CoreSchedule cs : plan.getCores()) {
            int core = cs.getCore();
            if (lanes.stream().anyMatch(l -> l.core() == core)) {
                continue; // a duplicate core block is a validation error; the first one is the lane
            }
            List<WindowBlock> blocks = new ArrayList<>();
            for (int i = 0; i < cs.getWindows().size(); i++) {
                Window w = cs.getWindows().get(i);
                String owner = owner(w);
                blocks.add(new WindowBlock(new WindowRef(plan.getName(), core, i), Units.nanos(w.getStart()),
                        Units.nanos(w.getDuration()), owner, w.getVm() != null,
                        colours.getOrDefault(owner, colours.size()), session.diagnosticsOf(w)));
            }
            lanes.add(new Lane(core, Units.nanos(cs.getMajorFrame()), List.copyOf(blocks)));
        }
        lanes.sort(Comparator.comparingInt(Lane::core));
        return new PlanSchedule(plan.getName(), plan.isInitial(), List.copyOf(lanes));
    }

    // A window whose partition does not resolve still gets drawn, under the name the text uses.
    private static String owner(Window w) {
        if (w.getVm() != null) {
            return w.getVm().eIsProxy() ? "?" : w.getVm().getName();
        }
        Partition p = w.getPartition();
        if (p == null) {
            return "?";
        }
        if (p.eIsProxy()) {
            var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(w,
                    org.orrery.dsl.orrery.OrreryPackage.Literals.WINDOW__PARTITION);
            return node.isEmpty() ? "?" : node.get(0).getText().trim();
        }
        return p.getName();
    }

    public List<String> planNames() {
        return plans.stream().map(PlanSchedule::name).toList();
    }

    public PlanSchedule plan(String name) {
        return plans.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The plan a timeline opens on: the initial one, else the first. */
    public PlanSchedule defaultPlan() {
        return plans.stream().filter(PlanSchedule::initial).findFirst()
                .orElse(plans.isEmpty() ? null : plans.get(0));
    }
}
