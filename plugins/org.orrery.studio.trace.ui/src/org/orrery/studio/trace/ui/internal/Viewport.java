// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

/**
 * The visible time range of a timeline drawn {@code widthPx} pixels wide: zoom keeps the time under the
 * pointer in place, pan moves by pixels, and the range never leaves the trace nor shrinks below one
 * nanosecond per pixel. The trace may grow ({@link #grow}): a view showing the whole trace keeps showing all of it,
 * a view at the newest time follows it, any other view stays where the user put it. No SWT in here, so the view's
 * zoom and pan are tested as plain arithmetic.
 */
public final class Viewport {

    private long traceStartNs;
    private long traceEndNs;
    private int widthPx = 1;
    private long startNs;
    private double nsPerPx;

    public Viewport(long traceStartNs, long traceEndNs) {
        this.traceStartNs = traceStartNs;
        this.traceEndNs = Math.max(traceEndNs, traceStartNs + 1);
        fit();
    }

    public void resize(int widthPx) {
        double span = visibleNs();
        this.widthPx = Math.max(1, widthPx);
        nsPerPx = span / this.widthPx;
        clamp();
    }

    /** Shows the whole trace. */
    public void fit() {
        startNs = traceStartNs;
        nsPerPx = (double) (traceEndNs - traceStartNs) / widthPx;
    }

    /** Zooms by {@code factor} (> 1 zooms in) keeping the time under pixel {@code anchorPx} fixed. */
    public void zoom(double factor, int anchorPx) {
        double anchorNs = startNs + anchorPx * nsPerPx;
        nsPerPx = Math.max(1.0 / 1024, Math.min(nsPerPx / factor, maxNsPerPx()));
        startNs = Math.round(anchorNs - anchorPx * nsPerPx);
        clamp();
    }

    public void pan(int deltaPx) {
        startNs += Math.round(deltaPx * nsPerPx);
        clamp();
    }

    /** Centres {@code timeNs} and zooms so that {@code spanNs} fills the width. */
    public void show(long timeNs, long spanNs) {
        nsPerPx = Math.max(1.0 / 1024, Math.min((double) Math.max(spanNs, 1) / widthPx, maxNsPerPx()));
        startNs = Math.round(timeNs - widthPx * nsPerPx / 2);
        clamp();
    }

    /**
     * The trace now spans {@code [startNs, endNs]}. If the whole trace was shown it still is; if the newest time
     * was in view and {@code follow} is set, the view scrolls (keeping its zoom) to the new newest time.
     */
    public void grow(long startNs, long endNs, boolean follow) {
        boolean whole = this.startNs <= traceStartNs && endNs() >= traceEndNs;
        boolean atEnd = showsNewest();
        traceStartNs = startNs;
        traceEndNs = Math.max(endNs, startNs + 1);
        if (whole) {
            fit();
        } else if (follow && atEnd) {
            this.startNs = traceEndNs - Math.round(visibleNs());
        }
        clamp();
    }

    /** Whether the newest time of the trace is in view (within a pixel). */
    public boolean showsNewest() {
        return endNs() >= traceEndNs - Math.max(1, Math.round(nsPerPx));
    }

    public double nsPerPx() {
        return nsPerPx;
    }

    public long startNs() {
        return startNs;
    }

    public long endNs() {
        return startNs + Math.round(visibleNs());
    }

    public int widthPx() {
        return widthPx;
    }

    public int toPx(long timeNs) {
        double px = (timeNs - startNs) / nsPerPx;
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, Math.round(px)));
    }

    public long toNs(int px) {
        return startNs + Math.round(px * nsPerPx);
    }

    private double visibleNs() {
        return nsPerPx * widthPx;
    }

    private double maxNsPerPx() {
        return (double) (traceEndNs - traceStartNs) / widthPx;
    }

    private void clamp() {
        long visible = Math.round(visibleNs());
        startNs = Math.max(traceStartNs, Math.min(startNs, traceEndNs - visible));
    }
}
