// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.orrery.trace.analysis.LaneColumns;
import org.orrery.trace.analysis.MarkerColumns;
import org.orrery.trace.analysis.TimelineLabels;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.analysis.WindowSpan;

/**
 * The Timeline's drawing area: {@link TimelinePainter} paints the visible part of a {@link TimelineModel}; mouse
 * wheel zooms around the pointer, dragging pans, double-click fits; the tooltip names what is under the pointer.
 * When the model grows (a followed trace) the view keeps the newest time in sight unless the user moved away.
 */
public final class TimelineCanvas extends Canvas {

    public static final int HEADER_PX = TimelinePainter.HEADER_PX;
    public static final int AXIS_PX = TimelinePainter.AXIS_PX;
    public static final int LANE_PX = TimelinePainter.LANE_PX;

    private final TimelinePainter painter;
    private TimelineModel model;
    private TimelineLabels labels;
    private Viewport viewport;
    private int dragX = -1;
    private boolean follow;
    private long lastPaintNs;
    private int paints;

    public TimelineCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        painter = new TimelinePainter(getDisplay());
        addPaintListener(e -> {
            long t = System.nanoTime();
            painter.paint(e.gc, getClientArea(), model, viewport);
            lastPaintNs = System.nanoTime() - t;
            paints++;
        });
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

    public void setModel(TimelineModel model) {
        this.model = model;
        this.labels = model == null ? null : new TimelineLabels(model.config());
        this.viewport = model == null ? null : new Viewport(model.startNs(), model.endNs());
        if (viewport != null) {
            viewport.resize(plotWidth());
        }
        redraw();
    }

    public TimelineModel model() {
        return model;
    }

    /** The model got new events: extend the time range (scrolling along if following) and redraw. */
    public void modelGrew() {
        if (viewport != null) {
            viewport.grow(model.startNs(), model.endNs(), follow);
            redraw();
        }
    }

    /** Whether a growing trace scrolls the view to its newest time (while the newest time is in view). */
    public void setFollow(boolean follow) {
        this.follow = follow;
        if (follow && viewport != null) {
            viewport.grow(model.startNs(), model.endNs(), false);
            long visible = viewport.endNs() - viewport.startNs();
            viewport.show(model.endNs() - visible / 2, visible);
            redraw();
        }
    }

    /** Paints so far. */
    public int paints() {
        return paints;
    }

    /** How long the last paint took, in nanoseconds (the frame time the scale test reports). */
    public long lastPaintNanos() {
        return lastPaintNs;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Zooms around the middle, or around the newest time while following it. */
    public void zoom(double factor) {
        if (viewport != null) {
            viewport.zoom(factor, follow && viewport.showsNewest() ? plotWidth() : plotWidth() / 2);
            redraw();
        }
    }

    /** Moves the view by {@code deltaPx} pixels, as dragging does. */
    public void pan(int deltaPx) {
        if (viewport != null) {
            viewport.pan(deltaPx);
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
        int lanes = model == null ? 1 : model.cores();
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
            pan(dragX - e.x);
            dragX = e.x;
            return;
        }
        setToolTipText(describeAt(e.x, e.y));
    }

    /** What is under the pointer: the nearest point event within 3 pixels, else the window that ran there. */
    String describeAt(int x, int y) {
        int laneIndex = (y - AXIS_PX) / LANE_PX;
        if (x <= HEADER_PX || y < AXIS_PX || laneIndex >= model.cores()) {
            return null;
        }
        long t = viewport.toNs(x - HEADER_PX);
        long slop = viewport.toNs(x - HEADER_PX + 3) - t;
        LaneColumns lane = model.lane(laneIndex);
        MarkerColumns markers = lane.markers();
        int m = markers.firstEndingAtOrAfter(t - slop);
        if (m < markers.size() && markers.startNs(m) <= t + slop) {
            return TimelineLabels.time(markers.startNs(m)) + "  " + labels.describe(markers.marker(lane.core(), m));
        }
        int w = lane.windows().firstEndingAtOrAfter(t);
        WindowSpan window = w < lane.windows().size() && lane.windows().startNs(w) <= t ? lane.window(w)
                : lane.openWindow(model.endNs());
        if (window == null || window.startNs() > t || window.endNs() < t) {
            return null;
        }
        return labels.partition(window.partition()) + "  " + TimelineLabels.time(window.startNs()) + " - "
                + TimelineLabels.time(window.endNs()) + "  (window " + window.windowIndex() + " of plan "
                + labels.plan(window.planIndex()) + (window.overrun() ? ", OVERRUN" : "") + ")";
    }
}
