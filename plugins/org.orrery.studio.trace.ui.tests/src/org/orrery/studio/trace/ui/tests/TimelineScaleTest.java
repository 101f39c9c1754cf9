// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.generator.PartitionColours;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.trace.ui.TimelineView;
import org.orrery.studio.trace.ui.internal.TimelineCanvas;
import org.orrery.studio.trace.ui.internal.Viewport;
import org.orrery.trace.analysis.Deviation;
import org.orrery.trace.analysis.TimelineLabels;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.testing.BusyRun;

/**
 * A million-event trace in the Timeline view: it opens, the lanes show the run at every zoom, and scrolling
 * through it repaints the visible part only. Prints the frame times it saw (the benchmark's figures come from
 * {@code benchmarks/frames.sh}; a loaded test machine decides nothing here).
 */
class TimelineScaleTest {

    @TempDir
    Path dir;

    @Test
    void aMillionEventTraceOpensAndScrolls() throws Exception {
        Path trace = BusyRun.writeFolder(dir.resolve("busy"), BusyRun.framesFor(1_000_000));
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TimelineView view = (TimelineView) page.showView(TimelineView.ID);
        long t = System.nanoTime();
        view.openTraceFolder(trace);
        double openMs = (System.nanoTime() - t) / 1e6;
        page.toggleZoom(page.getReference(view));
        Widgets.flushEvents();

        TimelineModel model = view.model();
        assertTrue(model.events() >= 1_000_000, "events " + model.events());
        int lateFrames = (BusyRun.framesFor(1_000_000) + 1) / BusyRun.LATE_EVERY;
        assertEquals(lateFrames, model.deviations().size(), "every late start listed");
        Table table = Widgets.findOne(view.canvas().getParent(), Table.class, x -> true, "listing deviations");
        assertEquals(lateFrames, table.getItemCount());
        // The table makes its rows when they are shown: one far down reads what the model lists there.
        Deviation last = model.deviations().get(lateFrames - 1);
        assertEquals(TimelineLabels.time(last.timeNs()), table.getItem(lateFrames - 1).getText(0));
        assertEquals(last.message(), table.getItem(lateFrames - 1).getText(3));

        TimelineCanvas canvas = view.canvas();
        Viewport v = canvas.viewport();
        // Zoomed out, every column of core 0 holds windows of partitions a (0) and c (2): both colours show.
        assertTrue(laneShows(canvas, 0, PartitionColours.rgb(0)) && laneShows(canvas, 0, PartitionColours.rgb(2)),
                "zoomed out, core 0 shows partitions a and c");
        List<Double> frames = new ArrayList<>();
        frames.add(frame(canvas));
        // Zoom in step by step to one window, then scroll through frames with the drag arithmetic.
        for (int i = 0; i < 14; i++) {
            canvas.zoom(2);
            frames.add(frame(canvas));
        }
        long visible = v.endNs() - v.startNs();
        assertTrue(visible < 20 * BusyRun.MS, "zoomed in to a few frames: " + visible);
        long before = v.startNs();
        for (int i = 0; i < 60; i++) {
            canvas.pan(v.widthPx() / 10);
            frames.add(frame(canvas));
        }
        assertTrue(v.startNs() > before, "scrolled forward");
        for (int i = 0; i < 14; i++) {
            canvas.zoom(0.5);
            frames.add(frame(canvas));
        }

        // At a window's middle the lane is painted in its partition's colour: drawn from the model, not guessed.
        long frame = 1_000;
        canvas.reveal(frame * 10 * BusyRun.MS + 2 * BusyRun.MS, 10 * BusyRun.MS);
        Widgets.flushEvents();
        int x = TimelineCanvas.HEADER_PX + v.toPx(frame * 10 * BusyRun.MS + 2 * BusyRun.MS);
        assertEquals(rgb(PartitionColours.rgb(0)), pixel(canvas, x, TimelineCanvas.AXIS_PX + 16),
                "partition a's window 0 at 2 ms into frame " + frame);
        assertEquals(rgb(PartitionColours.rgb(1)), pixel(canvas, x, TimelineCanvas.AXIS_PX + TimelineCanvas.LANE_PX
                + 16), "partition b's window on core 1");

        Collections.sort(frames);
        System.out.printf("TimelineScaleTest: %,d events opened in %.0f ms; %d frames while zooming and scrolling:"
                + " median %.1f ms, p95 %.1f ms, max %.1f ms (canvas %d px wide)%n", model.events(), openMs,
                frames.size(), frames.get(frames.size() / 2), frames.get((int) (frames.size() * 0.95)),
                frames.get(frames.size() - 1), v.widthPx());
        canvas.fit();
        Widgets.flushEvents();
        Screenshots.save(view.canvas().getShell(), screenshots().resolve("orrery-timeline-1M.png"));
        page.toggleZoom(page.getReference(view));
        page.hideView(view);
    }

    /** Repaints the canvas and returns how long its paint took, in ms. */
    private static double frame(TimelineCanvas canvas) {
        int before = canvas.paints();
        canvas.redraw();
        canvas.update();
        Widgets.waitUntil(() -> canvas.paints() > before, Duration.ofSeconds(5), "the canvas to repaint");
        return canvas.lastPaintNanos() / 1e6;
    }

    private static boolean laneShows(TimelineCanvas canvas, int core, int rgb) {
        ImageData data = grab(canvas);
        int y = TimelineCanvas.AXIS_PX + core * TimelineCanvas.LANE_PX + 6;
        for (int row = y; row < y + 20; row++) {
            for (int x = TimelineCanvas.HEADER_PX + 5; x < data.width - 5; x++) {
                if (data.palette.getRGB(data.getPixel(x, row)).equals(rgb(rgb))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static RGB pixel(TimelineCanvas canvas, int x, int y) {
        ImageData data = grab(canvas);
        return data.palette.getRGB(data.getPixel(x, y));
    }

    private static ImageData grab(TimelineCanvas canvas) {
        var size = canvas.getSize();
        Image image = new Image(canvas.getDisplay(), size.x, size.y);
        GC gc = new GC(image);
        try {
            canvas.print(gc);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        return data;
    }

    private static RGB rgb(int rgb) {
        return new RGB(PartitionColours.red(rgb), PartitionColours.green(rgb), PartitionColours.blue(rgb));
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}
