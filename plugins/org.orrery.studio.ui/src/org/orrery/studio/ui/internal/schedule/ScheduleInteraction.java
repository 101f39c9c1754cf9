// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.schedule;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.orrery.dsl.model.Units;
import org.orrery.studio.diagram.schedule.Lane;
import org.orrery.studio.diagram.schedule.ScheduleEditor;
import org.orrery.studio.diagram.schedule.WindowBlock;
import org.orrery.studio.diagram.schedule.WindowRef;

/**
 * Mouse and keyboard on the schedule canvas. Press on a block and drag moves it, press near its left or
 * right edge resizes it, drag on empty lane space sketches a new window (limited to that gap); the ghost
 * shows the snapped result while dragging and the operation runs on release. Delete removes the selected
 * window; Ctrl+Z / Ctrl+Y undo and redo. The operations themselves are the page's.
 */
public final class ScheduleInteraction {

    /** What the page does with a finished gesture. */
    public interface Operations {
        void move(WindowRef ref, long startNs);

        void resize(WindowRef ref, long startNs, long endNs);

        void create(int core, long startNs, long endNs);

        void delete(WindowRef ref);

        void undo();

        void redo();
    }

    private enum Mode { NONE, MOVE, RESIZE_START, RESIZE_END, CREATE }

    private static final int DRAG_THRESHOLD_PX = 3;

    private final ScheduleCanvas canvas;
    private final Operations ops;
    private Mode mode = Mode.NONE;
    private WindowBlock grabbed;
    private int lane;
    private int downX;
    private long grabOffsetNs;
    private long anchorNs;
    private long[] gap;
    private long previewStart;
    private long previewEnd;
    private Menu contextMenu;

    public ScheduleInteraction(ScheduleCanvas canvas, Operations ops) {
        this.canvas = canvas;
        this.ops = ops;
        canvas.addListener(SWT.MouseDown, this::down);
        canvas.addListener(SWT.MouseMove, this::moved);
        canvas.addListener(SWT.MouseUp, this::up);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.MenuDetect, this::menu);
    }

    private void down(Event e) {
        if (e.button != 1 || canvas.plan() == null) {
            return;
        }
        canvas.setFocus();
        ScheduleGeometry g = canvas.geometry();
        lane = g.laneAt(e.y);
        downX = e.x;
        grabbed = canvas.blockAt(e.x, e.y);
        if (grabbed != null) {
            canvas.select(grabbed.ref());
            Rectangle r = g.block(lane, grabbed);
            mode = e.x - r.x <= ScheduleGeometry.EDGE_PX ? Mode.RESIZE_START
                    : r.x + r.width - e.x <= ScheduleGeometry.EDGE_PX ? Mode.RESIZE_END : Mode.MOVE;
            grabOffsetNs = g.time(e.x) - grabbed.startNs();
            previewStart = grabbed.startNs();
            previewEnd = grabbed.endNs();
        } else if (lane >= 0) {
            canvas.select(null);
            anchorNs = snap(g.time(e.x));
            gap = currentLane().gapAt(Math.min(g.time(e.x), currentLane().majorFrameNs() - 1));
            mode = gap == null ? Mode.NONE : Mode.CREATE;
        }
    }

    private void moved(Event e) {
        if (mode == Mode.NONE) {
            hover(e);
            return;
        }
        if (Math.abs(e.x - downX) < DRAG_THRESHOLD_PX) {
            return;
        }
        ScheduleGeometry g = canvas.geometry();
        long t = g.time(e.x);
        long tick = Math.max(1, canvas.model().tickNs());
        long frame = currentLane().majorFrameNs();
        switch (mode) {
            case MOVE -> {
                long d = grabbed.durationNs();
                previewStart = clamp(snap(t - grabOffsetNs), 0, Math.max(0, frame - d));
                previewEnd = previewStart + d;
            }
            case RESIZE_START -> {
                previewStart = clamp(snap(t), 0, grabbed.endNs() - tick);
                previewEnd = grabbed.endNs();
            }
            case RESIZE_END -> {
                previewStart = grabbed.startNs();
                previewEnd = clamp(snap(t), grabbed.startNs() + tick, frame);
            }
            case CREATE -> {
                long now = clamp(snap(t), gap[0], gap[1]);
                previewStart = Math.max(gap[0], Math.min(anchorNs, now));
                previewEnd = Math.min(gap[1], Math.max(anchorNs, now));
            }
            default -> {
            }
        }
        canvas.preview(lane, previewStart, previewEnd);
    }

    private void up(Event e) {
        Mode done = mode;
        mode = Mode.NONE;
        canvas.clearPreview();
        if (done == Mode.NONE || Math.abs(e.x - downX) < DRAG_THRESHOLD_PX) {
            return;
        }
        switch (done) {
            case MOVE -> ops.move(grabbed.ref(), previewStart);
            case RESIZE_START, RESIZE_END -> ops.resize(grabbed.ref(), previewStart, previewEnd);
            case CREATE -> {
                if (previewEnd > previewStart) {
                    ops.create(currentLane().core(), previewStart, previewEnd);
                }
            }
            default -> {
            }
        }
    }

    private void hover(Event e) {
        WindowBlock w = canvas.blockAt(e.x, e.y);
        String tip = null;
        int cursor = SWT.CURSOR_ARROW;
        if (w != null) {
            tip = w.owner() + " at " + Units.formatNanos(w.startNs()) + " for " + Units.formatNanos(w.durationNs())
                    + (w.flagged() ? "\n" + w.problemText() : "");
            Rectangle r = canvas.geometry().block(canvas.geometry().laneAt(e.y), w);
            boolean edge = e.x - r.x <= ScheduleGeometry.EDGE_PX || r.x + r.width - e.x <= ScheduleGeometry.EDGE_PX;
            cursor = edge ? SWT.CURSOR_SIZEWE : SWT.CURSOR_SIZEALL;
        }
        if (tip == null ? canvas.getToolTipText() != null : !tip.equals(canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
        canvas.setCursor(canvas.getDisplay().getSystemCursor(cursor));
    }

    private void key(Event e) {
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && canvas.selection() != null) {
            ops.delete(canvas.selection());
        } else if (ctrl && (e.keyCode == 'z' || e.keyCode == 'Z')) {
            if ((e.stateMask & SWT.SHIFT) != 0) {
                ops.redo();
            } else {
                ops.undo();
            }
        } else if (ctrl && (e.keyCode == 'y' || e.keyCode == 'Y')) {
            ops.redo();
        } else {
            return;
        }
        e.doit = false;
    }

    private void menu(Event e) {
        Point p = canvas.toControl(e.x, e.y);
        WindowBlock w = canvas.blockAt(p.x, p.y);
        int laneIndex = canvas.geometry().laneAt(p.y);
        if (contextMenu != null) {
            contextMenu.dispose(); // the last one is long hidden and its selection delivered
        }
        Menu menu = new Menu(canvas);
        contextMenu = menu;
        if (w != null) {
            canvas.select(w.ref());
            item(menu, "Delete window " + w.owner() + " at " + Units.formatNanos(w.startNs()), () -> ops.delete(w.ref()));
        } else if (laneIndex >= 0) {
            Lane l = canvas.plan().lanes().get(laneIndex);
            long[] free = l.gapAt(Math.min(canvas.geometry().time(p.x), l.majorFrameNs() - 1));
            if (free != null) {
                item(menu, "New window " + Units.formatNanos(free[0]) + " .. " + Units.formatNanos(free[1]),
                        () -> ops.create(l.core(), free[0], free[1]));
            }
        }
        if (menu.getItemCount() == 0) {
            menu.dispose();
            e.doit = false;
            return;
        }
        menu.setLocation(e.x, e.y);
        menu.setVisible(true);
    }

    private static void item(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, ev -> action.run());
    }

    private Lane currentLane() {
        return canvas.plan().lanes().get(lane);
    }

    private long snap(long ns) {
        return ScheduleEditor.snap(ns, canvas.model().tickNs());
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
