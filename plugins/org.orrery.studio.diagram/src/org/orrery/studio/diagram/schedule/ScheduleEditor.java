// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import java.util.ArrayList;
import java.util.List;

import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Element;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.OrreryFactory;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Window;
import org.orrery.studio.diagram.edit.ElementText;
import org.orrery.studio.diagram.edit.Identifiers;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;

/**
 * The timeline's editing operations. Each one snaps times to the board's timer tick and keeps windows inside
 * the major frame (the kernel only switches windows on ticks, so off-tick values could never be honoured),
 * then changes the model through the session, which answers the text edits. Every edit is written as text
 * where the text is known from the node model, and the model brought in step by re-parsing only the rule around
 * it ({@link SystemModelSession#editText}), fast on large systems: moves and resizes rewrite time values, a new
 * window is one line among its core's windows, a deleted one loses its line. The first window of an empty core
 * goes through Xtext's change serializer ({@link SystemModelSession#edit}), as does every edit of an editor made
 * {@link #throughSerializer} (kept to compare the two paths). An operation that changes
 * nothing answers an empty list and leaves the text alone. Overlaps created by moves are allowed: the
 * validator reports them, as it would for a typed edit, and the timeline flags the windows.
 */
public final class ScheduleEditor {

    private final SystemModelSession session;
    private final boolean regionEdits;

    public ScheduleEditor(SystemModelSession session) {
        this(session, true);
    }

    private ScheduleEditor(SystemModelSession session, boolean regionEdits) {
        this.session = session;
        this.regionEdits = regionEdits;
    }

    /** An editor whose moves and resizes, too, go through the change serializer. */
    public static ScheduleEditor throughSerializer(SystemModelSession session) {
        return new ScheduleEditor(session, false);
    }

    /** The current picture (rebuilt from the session's latest parse). */
    public ScheduleModel model() {
        return ScheduleModel.of(session);
    }

    /** {@code ns} rounded to the nearest timer tick. */
    public static long snap(long ns, long tickNs) {
        if (tickNs <= 0) {
            return ns;
        }
        return Math.floorDiv(ns + tickNs / 2, tickNs) * tickNs;
    }

    /** Moves a window so it starts at {@code startNs} (snapped, clamped so the whole window stays in the frame). */
    public List<TextEdit> move(WindowRef ref, long startNs) {
        ScheduleModel model = model();
        Lane lane = lane(model, ref);
        WindowBlock block = block(model, ref);
        long tick = model.tickNs();
        long start = clamp(snap(startNs, tick), 0, Math.max(0, lane.majorFrameNs() - block.durationNs()));
        if (start == block.startNs()) {
            return List.of();
        }
        if (regionEdits) {
            return session.editText(Times.edits(window(session.root(), ref).getStart(), start));
        }
        return session.edit(m -> {
            Window w = window(m, ref);
            w.setStart(Times.retime(w.getStart(), start));
        });
    }

    /**
     * Gives a window new edges (e.g. after dragging one of them): both snapped, kept in the frame, at least
     * one tick long. Pass the unchanged edge as it was.
     */
    public List<TextEdit> resize(WindowRef ref, long startNs, long endNs) {
        ScheduleModel model = model();
        Lane lane = lane(model, ref);
        WindowBlock block = block(model, ref);
        long tick = Math.max(1, model.tickNs());
        long start = clamp(snap(startNs, tick), 0, lane.majorFrameNs() - tick);
        long end = clamp(snap(endNs, tick), start + tick, lane.majorFrameNs());
        if (start == block.startNs() && end == block.endNs()) {
            return List.of();
        }
        if (regionEdits) {
            Window w = window(session.root(), ref);
            List<TextEdit> edits = new ArrayList<>();
            if (start != block.startNs()) {
                edits.addAll(Times.edits(w.getStart(), start));
            }
            if (end - start != block.durationNs()) {
                edits.addAll(Times.edits(w.getDuration(), end - start));
            }
            return session.editText(edits);
        }
        return session.edit(m -> {
            Window w = window(m, ref);
            if (start != block.startNs()) {
                w.setStart(Times.retime(w.getStart(), start));
            }
            if (end - start != block.durationNs()) {
                w.setDuration(Times.retime(w.getDuration(), end - start));
            }
        });
    }

    /**
     * Adds a window for {@code partition} on an empty stretch of a core's frame. The new window is placed in
     * text order by start time. Refuses (IllegalArgumentException) a range that is not free after snapping
     * or a partition the system does not declare.
     */
    public List<TextEdit> create(String plan, int core, long startNs, long endNs, String partition) {
        ScheduleModel model = model();
        PlanSchedule ps = model.plan(plan);
        Lane lane = ps == null ? null : ps.lane(core);
        if (lane == null) {
            throw new IllegalArgumentException("Plan '" + plan + "' has no core " + core + ".");
        }
        long tick = Math.max(1, model.tickNs());
        long start = clamp(snap(startNs, tick), 0, lane.majorFrameNs());
        long end = clamp(snap(endNs, tick), 0, lane.majorFrameNs());
        if (!lane.isFree(start, end)) {
            throw new IllegalArgumentException("The range " + start + ".." + end + " ns of core " + core
                    + " is not free within the " + lane.majorFrameNs() + " ns major frame.");
        }
        SystemView view = session.system();
        Partition owner = view.partitions().stream().filter(p -> partition.equals(p.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No partition '" + partition + "'."));
        int index = (int) lane.windows().stream().filter(w -> w.startNs() < start).count();
        CoreSchedule block = coreSchedule(session.root(), plan, core);
        List<Window> windows = block.getWindows();
        if (regionEdits && !windows.isEmpty()) {
            // One line, indented as the core's other windows, after the window it follows (or the block's brace).
            String line = "window " + Identifiers.escaped(partition) + " at " + Times.text(start) + " duration "
                    + Times.text(end - start);
            String text = session.text();
            int first = ElementText.startOf(windows.get(0));
            String indent = text.substring(text.lastIndexOf('\n', first - 1) + 1, first);
            int after = index > 0 ? ElementText.endOf(windows.get(index - 1))
                    : ElementText.lastTokenEndBefore(windows.get(0));
            return session.editText(List.of(new TextEdit(after, 0, "\n" + (indent.isBlank() ? indent : "") + line)), block);
        }
        return session.edit(m -> {
            Window w = OrreryFactory.eINSTANCE.createWindow();
            w.setPartition(owner);
            w.setStart(Times.of(start));
            w.setDuration(Times.of(end - start));
            coreSchedule(m, plan, core).getWindows().add(index, w);
        });
    }

    /** Removes a window (its line, when nothing else is on it). */
    public List<TextEdit> delete(WindowRef ref) {
        block(model(), ref);
        if (regionEdits) {
            return session.editText(ElementText.remove(session.text(), window(session.root(), ref)));
        }
        return session.edit(m -> coreSchedule(m, ref.plan(), ref.core()).getWindows().remove(ref.index()));
    }

    private static Lane lane(ScheduleModel model, WindowRef ref) {
        PlanSchedule plan = model.plan(ref.plan());
        Lane lane = plan == null ? null : plan.lane(ref.core());
        if (lane == null) {
            throw new IllegalArgumentException("No plan '" + ref.plan() + "' with core " + ref.core() + ".");
        }
        return lane;
    }

    private static WindowBlock block(ScheduleModel model, WindowRef ref) {
        WindowBlock block = model.plan(ref.plan()) == null ? null : model.plan(ref.plan()).window(ref);
        if (block == null) {
            throw new IllegalArgumentException("No window " + ref + ".");
        }
        return block;
    }

    private static Window window(Model m, WindowRef ref) {
        return coreSchedule(m, ref.plan(), ref.core()).getWindows().get(ref.index());
    }

    private static CoreSchedule coreSchedule(Model m, String plan, int core) {
        for (Element e : m.getElements()) {
            if (e instanceof Plan p && plan.equals(p.getName())) {
                for (CoreSchedule cs : p.getCores()) {
                    if (cs.getCore() == core) {
                        return cs;
                    }
                }
            }
        }
        throw new IllegalArgumentException("No plan '" + plan + "' with core " + core + ".");
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
