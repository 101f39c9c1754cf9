// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.schedule;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.orrery.dsl.model.Units;
import org.orrery.studio.diagram.schedule.Lane;
import org.orrery.studio.diagram.schedule.PlanSchedule;
import org.orrery.studio.diagram.schedule.ScheduleModel;
import org.orrery.studio.diagram.schedule.WindowBlock;
import org.orrery.studio.diagram.schedule.WindowRef;

/**
 * Paints one plan of a {@link ScheduleModel}: a time ruler, a lane per core with its major frame (time past
 * the frame greyed, the boundary drawn), windows as blocks in their partition's colour labelled with the
 * partition, windows with diagnostics outlined in red, the selection, and the ghost of a drag in progress.
 * Input handling lives in {@link ScheduleInteraction}; this class only holds what is shown.
 */
public final class ScheduleCanvas extends Canvas {

    private ScheduleModel model;
    private PlanSchedule plan;
    private WindowRef selection;
    private int previewLane = -1;
    private long previewStart;
    private long previewEnd;

    public ScheduleCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> redraw());
    }

    public void setModel(ScheduleModel model, PlanSchedule plan) {
        this.model = model;
        this.plan = plan;
        if (selection != null && (plan == null || plan.window(selection) == null)) {
            selection = null;
        }
        redraw();
    }

    public ScheduleModel model() {
        return model;
    }

    public PlanSchedule plan() {
        return plan;
    }

    public ScheduleGeometry geometry() {
        return new ScheduleGeometry(plan, getClientArea().width);
    }

    public WindowRef selection() {
        return selection;
    }

    public void select(WindowRef ref) {
        selection = ref;
        redraw();
    }

    void preview(int lane, long start, long end) {
        previewLane = lane;
        previewStart = start;
        previewEnd = end;
        redraw();
    }

    void clearPreview() {
        previewLane = -1;
        redraw();
    }

    /** The lane index of {@code core} in the shown plan, or -1. */
    public int laneIndex(int core) {
        if (plan != null) {
            for (int i = 0; i < plan.lanes().size(); i++) {
                if (plan.lanes().get(i).core() == core) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Where the window is drawn, in canvas coordinates (tools and tests aim the mouse with it). */
    public Rectangle blockBounds(WindowRef ref) {
        WindowBlock w = plan == null ? null : plan.window(ref);
        return w == null ? null : geometry().block(laneIndex(ref.core()), w);
    }

    /** The window drawn at a point (the topmost, i.e. last painted, one), or null. */
    public WindowBlock blockAt(int x, int y) {
        ScheduleGeometry g = geometry();
        int lane = g.laneAt(y);
        if (lane < 0) {
            return null;
        }
        WindowBlock hit = null;
        for (WindowBlock w : plan.lanes().get(lane).windows()) {
            if (g.block(lane, w).contains(x, y)) {
                hit = w;
            }
        }
        return hit;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 600 : wHint, hHint == SWT.DEFAULT ? geometry().height() : hHint);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (plan == null) {
            gc.setForeground(SchedulePalette.TEXT);
            gc.drawText("No plan in this file.", 10, 10, true);
            return;
        }
        ScheduleGeometry g = new ScheduleGeometry(plan, area.width);
        paintRuler(gc, g);
        for (int i = 0; i < plan.lanes().size(); i++) {
            paintLane(gc, g, i, plan.lanes().get(i));
        }
        if (previewLane >= 0) {
            Rectangle r = g.block(previewLane, previewStart, previewEnd);
            gc.setForeground(SchedulePalette.PREVIEW);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setLineWidth(2);
            gc.drawRectangle(r);
            gc.setLineStyle(SWT.LINE_SOLID);
            gc.drawText(Units.formatNanos(previewStart) + " .. " + Units.formatNanos(previewEnd), r.x + 2,
                    r.y + r.height + 1, true);
        }
    }

    private void paintRuler(GC gc, ScheduleGeometry g) {
        long step = rulerStep(g.nsPerPixel());
        gc.setForeground(SchedulePalette.TEXT);
        gc.setLineWidth(1);
        int bottom = ScheduleGeometry.RULER_PX - 2;
        gc.drawLine(g.x(0), bottom, g.x(g.spanNs()), bottom);
        for (long t = 0; t <= g.spanNs(); t += step) {
            int x = g.x(t);
            gc.drawLine(x, bottom - 6, x, bottom);
            String label = Units.formatNanos(t);
            int w = gc.textExtent(label).x;
            // The last label would be cut at the right border: put it left of its tick.
            gc.drawText(label, x + 2 + w > getClientArea().width ? x - 2 - w : x + 2, 2, true);
        }
        gc.drawText("tick " + Units.formatNanos(model.tickNs()), 4, 2, true);
    }

    // A step of 1, 2 or 5 times a power of ten giving labels at least ~80 px apart.
    static long rulerStep(double nsPerPixel) {
        double want = nsPerPixel * 80;
        long step = 1;
        while (true) {
            for (long m : new long[] { 1, 2, 5 }) {
                if (step * m >= want) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private void paintLane(GC gc, ScheduleGeometry g, int index, Lane lane) {
        int top = g.laneTop(index);
        int frameX = g.x(lane.majorFrameNs());
        gc.setBackground(SchedulePalette.LANE);
        gc.fillRectangle(g.x(0), top, frameX - g.x(0), ScheduleGeometry.LANE_PX);
        if (frameX < g.x(g.spanNs())) {
            gc.setBackground(SchedulePalette.OUTSIDE_FRAME);
            gc.fillRectangle(frameX, top, g.x(g.spanNs()) - frameX, ScheduleGeometry.LANE_PX);
        }
        long tick = model.tickNs();
        if (tick > 0 && tick / g.nsPerPixel() >= 6) {
            gc.setForeground(SchedulePalette.GRID);
            for (long t = tick; t < lane.majorFrameNs(); t += tick) {
                gc.drawLine(g.x(t), top, g.x(t), top + ScheduleGeometry.LANE_PX - 1);
            }
        }
        gc.setForeground(SchedulePalette.TEXT);
        gc.drawText("core " + lane.core(), 8, top + ScheduleGeometry.LANE_PX / 2 - 8, true);
        for (WindowBlock w : lane.windows()) {
            paintBlock(gc, g.block(index, w), w);
        }
        gc.setForeground(SchedulePalette.FRAME);
        gc.setLineWidth(2);
        gc.drawLine(frameX, top - 4, frameX, top + ScheduleGeometry.LANE_PX + 4);
        gc.setLineWidth(1);
    }

    private void paintBlock(GC gc, Rectangle r, WindowBlock w) {
        gc.setBackground(SchedulePalette.partition(w.colour()));
        gc.fillRectangle(r);
        boolean selected = w.ref().equals(selection);
        if (w.flagged()) {
            gc.setForeground(SchedulePalette.PROBLEM);
            gc.setLineWidth(3);
            gc.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
        }
        gc.setForeground(getDisplay().getSystemColor(selected ? SWT.COLOR_BLACK : SWT.COLOR_DARK_GRAY));
        gc.setLineWidth(selected ? 3 : 1);
        gc.drawRectangle(r);
        gc.setLineWidth(1);
        gc.setClipping(r);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.drawText(w.owner(), r.x + 4, r.y + 3, true);
        if (w.flagged()) {
            // A red corner badge: readable on every partition colour, unlike red text.
            Rectangle badge = new Rectangle(r.x + r.width - 16, r.y + 2, 14, 16);
            gc.setBackground(SchedulePalette.PROBLEM);
            gc.fillRectangle(badge);
            gc.drawText("!", badge.x + 5, badge.y, true);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.drawText(Units.formatNanos(w.durationNs()), r.x + 4, r.y + r.height - 18, true);
        gc.setClipping((Rectangle) null);
    }
}
