// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.orrery.os.config.SystemConfig;
import org.orrery.trace.analysis.Deviation;
import org.orrery.trace.analysis.LaneColumns;
import org.orrery.trace.analysis.ProcessSpan;
import org.orrery.trace.analysis.Summary;
import org.orrery.trace.analysis.TimeColumns;
import org.orrery.trace.analysis.TimelineLabels;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.analysis.WindowSpan;

/**
 * Paints a {@link TimelineModel} in a {@link Viewport} on any GC (the canvas, or an offscreen image in the frame
 * benchmark): a time axis, then per core the configured windows (a thin band), the windows that ran below it
 * (filled, partition colour, named when wide enough), process states (thin bar) and point events (ticks), with
 * deviations such as late starts in red. Only what is visible is touched: items at least a pixel wide are drawn
 * one by one, found through the model's summary pyramid; everything narrower is drawn per pixel column from one
 * range summary (the colours present), so a zoomed-out frame of a million events costs about one summary per
 * column and lane.
 */
public final class TimelinePainter {

    public static final int HEADER_PX = 64;
    public static final int AXIS_PX = 22;
    public static final int LANE_PX = 56;

    private final Display display;
    private final LanePalette palette;
    private final Summary summary = new Summary();
    private final Map<String, Integer> textWidths = new HashMap<>();
    private TimelineLabels labels;
    private SystemConfig labelled;

    public TimelinePainter(Display display) {
        this.display = display;
        this.palette = new LanePalette(display);
    }

    /** Paints {@code model} (or a hint when null) into {@code area}. */
    public void paint(GC gc, Rectangle area, TimelineModel model, Viewport viewport) {
        // Pixel-aligned rectangles only: without antialiasing cairo fills them on its fast path.
        gc.setAntialias(SWT.OFF);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (model == null) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("No trace loaded: run a system on the simulator or open a trace folder.", 8, 8, true);
            return;
        }
        if (labelled != model.config()) {
            labelled = model.config();
            labels = new TimelineLabels(labelled);
            textWidths.clear();
        }
        paintAxis(gc, area.width, viewport);
        for (int core = 0; core < model.cores(); core++) {
            paintLane(gc, area.width, model, model.lane(core), AXIS_PX + core * LANE_PX, viewport);
        }
    }

    private void paintAxis(GC gc, int width, Viewport v) {
        gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
        long span = v.endNs() - v.startNs();
        long step = niceStep(span / 8);
        long first = (v.startNs() / step) * step;
        for (long t = first; t <= v.endNs(); t += step) {
            int x = HEADER_PX + v.toPx(t);
            if (x >= HEADER_PX && x < width) {
                gc.drawLine(x, AXIS_PX - 5, x, AXIS_PX);
                gc.drawText(TimelineLabels.time(t), x + 2, 2, true);
            }
        }
        gc.drawLine(HEADER_PX, AXIS_PX, width, AXIS_PX);
    }

    private void paintLane(GC gc, int width, TimelineModel model, LaneColumns lane, int top, Viewport v) {
        gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
        gc.drawText("core " + lane.core(), 6, top + LANE_PX / 2 - 8, true);
        gc.setForeground(display.getSystemColor(SWT.COLOR_GRAY));
        gc.drawLine(0, top + LANE_PX - 1, width, top + LANE_PX - 1);
        gc.setClipping(HEADER_PX, top, Math.max(0, width - HEADER_PX), LANE_PX);

        // The configured windows: a band above the windows that ran, so a late start shows as an offset.
        paintColumns(gc, lane.configured(), top + 2, 3, v, palette::partition, null, null);
        paintColumns(gc, lane.windows(), top + 6, 20, v, palette::partition, null, i -> {
            WindowSpan w = lane.window(i);
            return labels.partition(w.partition());
        });
        WindowSpan open = lane.openWindow(model.endNs());
        if (open != null && open.endNs() >= v.startNs() && open.startNs() <= v.endNs()) {
            span(gc, open.startNs(), open.endNs(), top + 6, 20, palette.partition(open.partition()), v);
        }
        paintColumns(gc, lane.processes(), top + 31, 6, v, palette::state, LanePalette::busiestState, null);
        for (ProcessSpan p : lane.openProcessStates(model.endNs())) {
            if (p.endNs() >= v.startNs() && p.startNs() <= v.endNs()) {
                span(gc, p.startNs(), p.endNs(), top + 31, 6, palette.state(p.state().ordinal()), v);
            }
        }
        paintMarkers(gc, lane.markers(), top + 40, v);
        paintDeviations(gc, model, lane.core(), top, v);
        gc.setClipping((Rectangle) null);
    }

    /**
     * Items of {@code items} in view: those at least a pixel wide one by one (named by {@code name} when it fits),
     * the rest per pixel column of their end, one summary per run of columns with the same colours. With
     * {@code pick}, a column shows only the colour it picks from the colours present (one colour per column lets
     * neighbouring columns share one rectangle); without, all colours present, stacked.
     */
    private void paintColumns(GC gc, TimeColumns items, int y, int h, Viewport v, IntFunction<Color> colour,
            LongUnaryOperator pick, IntFunction<String> name) {
        long from = v.startNs();
        long to = v.endNs();
        int first = items.firstEndingAtOrAfter(from);
        int end = items.firstEndingAtOrAfter(to + 1);
        int runX = Integer.MIN_VALUE;
        int runWidth = 0;
        long runColours = 0;
        for (int i = first; i < end;) {
            int column = v.toPx(items.endNs(i));
            int next = Math.min(end, items.firstEndingAtOrAfter(v.toNs(column + 1)));
            next = Math.max(next, i + 1);
            items.summarize(i, next, summary);
            long colours = pick == null ? summary.colours() : pick.applyAsLong(summary.colours());
            if (colours == runColours && column <= runX + runWidth) {
                runWidth = column - runX + 1;
            } else {
                columns(gc, runX, runWidth, runColours, y, h, colour);
                runX = column;
                runWidth = 1;
                runColours = colours;
            }
            i = next;
        }
        columns(gc, runX, runWidth, runColours, y, h, colour);
        // Wide items, merged while they touch and share a colour (back-to-back states of one kind).
        long wide = Math.max(1, (long) Math.ceil(v.nsPerPx()));
        int[] run = {Integer.MIN_VALUE, Integer.MIN_VALUE, -1, -1}; // x0, x1, colour, first item
        items.forEachLong(first, wide, to, i -> {
            int x0 = HEADER_PX + Math.max(-2, v.toPx(items.startNs(i)));
            int x1 = HEADER_PX + Math.min(v.widthPx() + 2, v.toPx(items.endNs(i)));
            if (items.colour(i) == run[2] && x0 <= run[1]) {
                run[1] = Math.max(run[1], x1);
                return;
            }
            wide(gc, run, y, h, colour, name);
            run[0] = x0;
            run[1] = x1;
            run[2] = items.colour(i);
            run[3] = i;
        });
        wide(gc, run, y, h, colour, name);
    }

    private void wide(GC gc, int[] run, int y, int h, IntFunction<Color> colour, IntFunction<String> name) {
        if (run[2] < 0) {
            return;
        }
        gc.setBackground(colour.apply(run[2]));
        gc.fillRectangle(run[0], y, Math.max(1, run[1] - run[0]), h);
        if (name != null) {
            label(gc, name.apply(run[3]), Math.max(run[0], HEADER_PX), run[1], y);
        }
    }

    /** A run of pixel columns holding items of the colours in {@code colours}: one stripe per colour. */
    private void columns(GC gc, int x, int width, long colours, int y, int h, IntFunction<Color> colour) {
        if (width <= 0 || colours == 0) {
            return;
        }
        int n = Long.bitCount(colours);
        int stripe = Math.max(1, h / n);
        int k = 0;
        for (long bits = colours; bits != 0; bits &= bits - 1, k++) {
            gc.setBackground(colour.apply(Long.numberOfTrailingZeros(bits)));
            int top = y + k * h / n;
            gc.fillRectangle(HEADER_PX + x, top, width, k == n - 1 ? y + h - top : stripe);
        }
    }

    private int span(GC gc, long startNs, long endNs, int y, int h, Color c, Viewport v) {
        int x0 = HEADER_PX + Math.max(-2, v.toPx(startNs));
        int x1 = HEADER_PX + Math.min(v.widthPx() + 2, v.toPx(endNs));
        gc.setBackground(c);
        gc.fillRectangle(x0, y, Math.max(1, x1 - x0), h);
        return x0;
    }

    private void label(GC gc, String text, int x0, int x1, int y) {
        int width = textWidths.computeIfAbsent(text, t -> gc.textExtent(t).x);
        if (x1 - x0 > width + 4) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.drawText(text, x0 + 2, y + 2, true);
        }
    }

    /** Ticks, one per pixel column holding point events, coloured by the most telling; runs share a rectangle. */
    private void paintMarkers(GC gc, TimeColumns markers, int y, Viewport v) {
        int end = markers.firstEndingAtOrAfter(v.endNs() + 1);
        int runX = Integer.MIN_VALUE;
        int runWidth = 0;
        Color runColour = null;
        for (int i = markers.firstEndingAtOrAfter(v.startNs()); i < end;) {
            int column = v.toPx(markers.endNs(i));
            int next = Math.max(i + 1, Math.min(end, markers.firstEndingAtOrAfter(v.toNs(column + 1))));
            markers.summarize(i, next, summary);
            Color c = palette.markers(summary.colours());
            if (c == runColour && column <= runX + runWidth) {
                runWidth = column - runX + 1;
            } else {
                tick(gc, runX, runWidth, runColour, y);
                runX = column;
                runWidth = 1;
                runColour = c;
            }
            i = next;
        }
        tick(gc, runX, runWidth, runColour, y);
    }

    private static void tick(GC gc, int x, int width, Color c, int y) {
        if (c != null) {
            gc.setBackground(c);
            gc.fillRectangle(HEADER_PX + x, y, width, 10);
        }
    }

    private void paintDeviations(GC gc, TimelineModel model, int core, int top, Viewport v) {
        gc.setBackground(palette.deviation());
        int last = Integer.MIN_VALUE;
        var all = model.deviations();
        for (int i = model.firstDeviationAtOrAfter(v.startNs()); i < all.size(); i++) {
            Deviation d = all.get(i);
            if (d.timeNs() > v.endNs()) {
                break;
            }
            int x = HEADER_PX + v.toPx(d.timeNs());
            if (d.core() == core && x != last) {
                gc.fillRectangle(x - 1, top + 1, 2, LANE_PX - 4);
                last = x;
            }
        }
    }

    static long niceStep(long rough) {
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
