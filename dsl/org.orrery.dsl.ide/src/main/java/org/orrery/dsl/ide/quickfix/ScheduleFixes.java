// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Window;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * Repairs for the schedule rules, computed from the parsed model as plain text edits so that any front end
 * (LSP code actions, marker resolutions, tests) can apply them: extend a major frame over a window that ends
 * beyond it, move or shorten overlapping windows, give a partition without a window one in a free slot.
 */
public final class ScheduleFixes {

    /** Replace {@code length} characters at {@code offset} with {@code text}. */
    public record Edit(int offset, int length, String text) {
    }

    /** One repair: what it does, in words, and the edits that do it. */
    public record Fix(String label, List<Edit> edits) {
    }

    private ScheduleFixes() {
    }

    /** Whether this class knows repairs for the rule {@code code}. */
    public static boolean handles(String code) {
        return OrreryIssueCodes.WINDOW_BEYOND_FRAME.equals(code) || OrreryIssueCodes.WINDOWS_OVERLAP.equals(code)
                || OrreryIssueCodes.PARTITION_WITHOUT_WINDOW.equals(code);
    }

    /** The repairs for a diagnostic of rule {@code code} that starts at {@code offset} in {@code resource}. */
    public static List<Fix> fixes(XtextResource resource, String code, int offset) {
        EObject at = elementAt(resource, offset);
        if (OrreryIssueCodes.WINDOW_BEYOND_FRAME.equals(code) && enclosing(at, Window.class) instanceof Window w) {
            return extendFrame(w);
        }
        if (OrreryIssueCodes.WINDOWS_OVERLAP.equals(code) && enclosing(at, Window.class) instanceof Window w) {
            return removeOverlap(w);
        }
        if (OrreryIssueCodes.PARTITION_WITHOUT_WINDOW.equals(code)
                && enclosing(at, Partition.class) instanceof Partition p) {
            return addWindow(p);
        }
        return List.of();
    }

    private static List<Fix> extendFrame(Window window) {
        CoreSchedule schedule = (CoreSchedule) window.eContainer();
        long frame = schedule.getWindows().stream().mapToLong(ScheduleFixes::end).max().orElse(end(window));
        INode node = NodeModelUtils.findActualNodeFor(schedule.getMajorFrame());
        if (node == null || frame <= Units.nanos(schedule.getMajorFrame())) {
            return List.of();
        }
        return List.of(new Fix("Extend the major frame of core " + schedule.getCore() + " to " + time(frame),
                List.of(replace(node, time(frame)))));
    }

    private static List<Fix> removeOverlap(Window window) {
        CoreSchedule schedule = (CoreSchedule) window.eContainer();
        // The same order the rule uses: the earlier window reaching furthest is the one overlapped.
        List<Window> sorted = new ArrayList<>(schedule.getWindows());
        sorted.sort(Comparator.comparingLong((Window w) -> Units.nanos(w.getStart()))
                .thenComparingInt(w -> schedule.getWindows().indexOf(w)));
        Window reach = null;
        for (Window w : sorted) {
            if (w == window) {
                break;
            }
            if (reach == null || end(w) > end(reach)) {
                reach = w;
            }
        }
        long start = Units.nanos(window.getStart());
        if (reach == null || start >= end(reach)) {
            return List.of();
        }
        List<Fix> fixes = new ArrayList<>();
        INode startNode = NodeModelUtils.findActualNodeFor(window.getStart());
        if (startNode != null) {
            fixes.add(new Fix("Move the window to " + time(end(reach)) + ", after the window of " + name(reach),
                    List.of(replace(startNode, time(end(reach))))));
        }
        long shortened = start - Units.nanos(reach.getStart());
        INode durationNode = NodeModelUtils.findActualNodeFor(reach.getDuration());
        if (shortened > 0 && durationNode != null) {
            fixes.add(new Fix("Shorten the window of " + name(reach) + " to " + time(shortened) + " to remove the overlap",
                    List.of(replace(durationNode, time(shortened)))));
        }
        return fixes;
    }

    private static List<Fix> addWindow(Partition partition) {
        if (!(partition.eContainer() instanceof Model model)) {
            return List.of();
        }
        List<Plan> plans = new ArrayList<>();
        model.getElements().stream().filter(Plan.class::isInstance).map(Plan.class::cast).forEach(plans::add);
        // The initial plan first: that is where a missing window hurts at boot.
        plans.sort(Comparator.comparing((Plan p) -> !p.isInitial()));
        for (Plan plan : plans) {
            for (CoreSchedule schedule : plan.getCores()) {
                if (!partition.getCores().isEmpty() && !partition.getCores().contains(schedule.getCore())) {
                    continue;
                }
                long[] gap = FreeSlots.first(schedule);
                if (gap != null) {
                    Edit insert = Insertion.window(schedule, "window " + partition.getName() + " at " + time(gap[0])
                            + " duration " + time(gap[1] - gap[0]));
                    if (insert != null) {
                        return List.of(new Fix("Add a window for " + partition.getName() + " in plan " + plan.getName()
                                + ", core " + schedule.getCore() + " at " + time(gap[0]) + " for "
                                + time(gap[1] - gap[0]), List.of(insert)));
                    }
                }
            }
        }
        // No schedule for the partition's cores yet: give it its own core, with the plan's frame.
        for (Plan plan : plans) {
            if (!plan.getCores().isEmpty()) {
                int core = partition.getCores().isEmpty() ? 0 : partition.getCores().get(0);
                CoreSchedule model0 = plan.getCores().get(0);
                long frame = Units.nanos(model0.getMajorFrame());
                if (frame > 0 && plan.getCores().stream().noneMatch(c -> c.getCore() == core)) {
                    Edit insert = Insertion.coreSchedule(plan, core, time(frame),
                            "window " + partition.getName() + " at 0 ms duration " + time(frame));
                    return List.of(new Fix("Add core " + core + " to plan " + plan.getName() + " with a window for "
                            + partition.getName() + " over the whole " + time(frame) + " frame", List.of(insert)));
                }
            }
        }
        return List.of();
    }

    static long end(Window w) {
        return Units.nanos(w.getStart()) + Units.nanos(w.getDuration());
    }

    /** A time in the language's syntax (always with a unit, even for zero). */
    static String time(long ns) {
        return ns == 0 ? "0 ms" : Units.formatNanos(ns);
    }

    private static String name(Window w) {
        if (w.getVm() != null) {
            return "VM " + (w.getVm().eIsProxy() ? "?" : w.getVm().getName());
        }
        return w.getPartition() == null || w.getPartition().eIsProxy() ? "?" : w.getPartition().getName();
    }

    private static Edit replace(INode node, String text) {
        return new Edit(node.getOffset(), node.getLength(), text);
    }

    private static EObject elementAt(XtextResource resource, int offset) {
        if (resource.getParseResult() == null) {
            return null;
        }
        ICompositeNode root = resource.getParseResult().getRootNode();
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
    }

    private static EObject enclosing(EObject element, Class<? extends EObject> type) {
        EObject e = element;
        while (e != null && !type.isInstance(e)) {
            e = e.eContainer();
        }
        return e;
    }
}
