// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.orrery.trace.analysis.CoreLane;
import org.orrery.trace.analysis.Deviation;
import org.orrery.trace.analysis.ProcessSpan;
import org.orrery.trace.analysis.Timeline;
import org.orrery.trace.analysis.TimelineLabels;
import org.orrery.trace.analysis.TimelineMarker;
import org.orrery.trace.analysis.WindowSpan;

/**
 * Draws a {@link Timeline}: a time axis, then per core the configured windows (outlined), the windows that ran
 * (filled, partition colour), process states (thin bars) and point events (ticks), with deviations in red.
 * Mouse wheel zooms around the pointer, dragging pans, double-click fits; the tooltip names what is under the
 * pointer. Everything it shows comes from the headless model; this class only paints and forwards input.
 */
public final class TimelineCanvas extends Canvas {

    public static final int HEADER_PX = 64;
    public static final int AXIS_PX = 22;
    public static final int LANE_PX = 56;

    private final LanePalette palette;
    private Timeline timeline;
    private TimelineLabels labels;
    private Viewport viewport;
    private int dragX = -1;

    public TimelineCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        palette = new LanePalette(getDisplay());
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> {
            if (viewport != null) {
                viewport.resize(plotWidth());
            }
        });
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, e -> dragX = e.x);
        addListener(SWT.MouseUp, e -> dragX = -1);
        addListener(SWT.MouseMove, this::move);
        addListener(SWT.MouseDoubleClick, e -> fit());
    }

    public void setTimeline(Timeline timeline) {
        this.timeline = timeline;
        this.labels = timeline == null ? null : new TimelineLabels(timeline.config());
        this.viewport = timeline == null ? null : new Viewport(timeline.startNs(), timeline.endNs());
        if (viewport != null) {
            viewport.resize(plotWidth());
        }
        redraw();
    }

    public Viewport viewport() {
        return viewport;
    }

    public void zoom(double factor) {
        if (viewport != null) {
            viewport.zoom(factor, plotWidth() / 2);
            redraw();
        }
    }

    public void fit() {
        if (viewport != null) {
            viewport.fit();
            redraw();
        }
    }

    public void reveal(long timeNs, long spanNs) {
        if (viewport != null) {
            viewport.show(timeNs, spanNs);
            redraw();
        }
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int lanes = timeline == null ? 1 : timeline.lanes().size();
        return new Point(wHint == SWT.DEFAULT ? 600 : wHint, AXIS_PX + lanes * LANE_PX);
    }

    private int plotWidth() {
        return Math.max(1, getClientArea().width - HEADER_PX);
    }

    private void wheel(Event e) {
        if (viewport != null && e.x > HEADER_PX) {
            viewport.zoom(e.count > 0 ? 1.25 : 0.8, e.x - HEADER_PX);
            redraw();
        }
    }

    private void move(Event e) {
        if (viewport == null) {
            return;
        }
        if (dragX >= 0 && (e.stateMask & SWT.BUTTON1) != 0) {
            viewport.pan(dragX - e.x);
            dragX = e.x;
            redraw();
            return;
        }
        setToolTipText(describeAt(e.x, e.y));
    }

    private String describeAt(int x, int y) {
        int lane = (y - AXIS_PX) / LANE_PX;
        if (x <= HEADER_PX || lane < 0 || lane >= timeline.lanes().size()) {
            return null;
        }
        long t = viewport.toNs(x - HEADER_PX);
        long slop = viewport.toNs(x - HEADER_PX + 3) - t;
        CoreLane l = timeline.lane(lane);
        for (TimelineMarker m : l.markersIn(t - slop, t + slop)) {
            return TimelineLabels.time(m.timeNs()) + "  " + labels.describe(m);
        }
        for (WindowSpan w : l.windowsIn(t, t)) {
            return labels.partition(w.partition()) + "  " + TimelineLabels.time(w.startNs()) + " - "
                    + TimelineLabels.time(w.endNs()) + "  (window " + w.windowIndex() + " of plan "
                    + labels.plan(w.planIndex()) + (w.overrun() ? ", OVERRUN" : "") + ")";
        }
        return null;
    }

    private void paint(GC gc) {
        var area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (timeline == null) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("No trace loaded: run a system on the simulator or open a trace folder.", 8, 8, true);
            return;
        }
        paintAxis(gc, area.width);
        for (CoreLane lane : timeline.lanes()) {
            paintLane(gc, lane, AXIS_PX + lane.core() * LANE_PX);
        }
    }

    private void paintAxis(GC gc, int width) {
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        long span = viewport.endNs() - viewport.startNs();
        long step = niceStep(span / 8);
        long first = (viewport.startNs() / step) * step;
        for (long t = first; t <= viewport.endNs(); t += step) {
            int x = HEADER_PX + viewport.toPx(t);
            if (x >= HEADER_PX && x < width) {
                gc.drawLine(x, AXIS_PX - 5, x, AXIS_PX);
                gc.drawText(TimelineLabels.time(t), x + 2, 2, true);
            }
        }
        gc.drawLine(HEADER_PX, AXIS_PX, width, AXIS_PX);
    }

    private void paintLane(GC gc, CoreLane lane, int top) {
        long from = viewport.startNs();
        long to = viewport.endNs();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText("core " + lane.core(), 6, top + LANE_PX / 2 - 8, true);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
        gc.drawLine(0, top + LANE_PX - 1, getClientArea().width, top + LANE_PX - 1);

        gc.setLineStyle(SWT.LINE_DASH);
        for (WindowSpan w : lane.configured().overlapping(from, to)) {
            gc.drawRectangle(x(w.startNs()), top + 3, Math.max(1, x(w.endNs()) - x(w.startNs())), 26);
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        for (WindowSpan w : lane.windows().overlapping(from, to)) {
            int x0 = x(w.startNs());
            int width = Math.max(1, x(w.endNs()) - x0);
            var colour = palette.partition(w.partition());
            gc.setBackground(colour);
            gc.fillRectangle(x0, top + 6, width, 20);
            colour.dispose();
            String name = labels.partition(w.partition());
            if (width > gc.textExtent(name).x + 4) {
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
                gc.drawText(name, x0 + 2, top + 8, true);
            }
        }
        for (ProcessSpan p : lane.processes().overlapping(from, to)) {
            var colour = palette.state(p.state());
            gc.setBackground(colour);
            gc.fillRectangle(x(p.startNs()), top + 31, Math.max(1, x(p.endNs()) - x(p.startNs())), 6);
            colour.dispose();
        }
        for (TimelineMarker m : lane.markersIn(from, to)) {
            var colour = palette.marker(m.type());
            gc.setForeground(colour);
            gc.drawLine(x(m.timeNs()), top + 40, x(m.timeNs()), top + 50);
            colour.dispose();
        }
        var red = palette.deviation();
        gc.setForeground(red);
        gc.setLineWidth(2);
        for (Deviation d : timeline.deviations()) {
            if (d.core() == lane.core() && d.timeNs() >= from && d.timeNs() <= to) {
                gc.drawLine(x(d.timeNs()), top + 1, x(d.timeNs()), top + LANE_PX - 3);
            }
        }
        gc.setLineWidth(1);
        red.dispose();
    }

    private int x(long timeNs) {
        return HEADER_PX + viewport.toPx(timeNs);
    }

    private static long niceStep(long rough) {
        long step = 1;
        while (step * 10 <= Math.max(1, rough)) {
            step *= 10;
        }
        if (step * 5 <= rough) {
            return step * 5;
        }
        return step * 2 <= rough ? step * 2 : step;
    }
}
