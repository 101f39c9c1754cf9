// SPDX-License-Identifier: EPL-2.0

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.orrery.studio.trace.ui.internal.TimelinePainter;
import org.orrery.studio.trace.ui.internal.Viewport;
import org.orrery.trace.analysis.TimelineBuilder;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.analysis.TraceFollower;
import org.orrery.trace.testing.BusyRun;

/**
 * Frame time of the Orrery Timeline while zooming and scrolling a trace of a million events (or the folder given):
 * the view's own painter ({@link TimelinePainter}) paints into an offscreen SWT image as wide as a full-screen
 * view, the way the canvas's double buffer is painted. Not part of the test run; {@code benchmarks/frames.sh}
 * runs it under Xvfb. Arguments: events (default 1,000,000), optionally a trace folder, optionally the width.
 */
public final class TimelineFrameBenchmark {

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = args.length > 1 && !args[1].isEmpty() ? Path.of(args[1]) : null;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1600;
        if (dir == null) {
            dir = Files.createTempDirectory("orrery-frames").resolve("trace");
            BusyRun.writeFolder(dir, BusyRun.framesFor(events));
        }
        TimelineModel model = TraceFollower.load(dir, TimelineBuilder.EXACT);
        Display display = new Display();
        int height = TimelinePainter.AXIS_PX + model.cores() * TimelinePainter.LANE_PX;
        Image image = new Image(display, width, height);
        GC gc = new GC(image);
        Rectangle area = new Rectangle(0, 0, width, height);
        TimelinePainter painter = new TimelinePainter(display);
        Viewport v = new Viewport(model.startNs(), model.endNs());
        v.resize(width - TimelinePainter.HEADER_PX);
        System.out.printf("trace %s: %,d events over %.1f s, %d cores; image %d x %d px%n", dir, model.events(),
                (model.endNs() - model.startNs()) / 1e9, model.cores(), width, height);

        for (int i = 0; i < 200; i++) { // warm up the JIT on the same paths
            v.zoom(i % 40 < 20 ? 1.5 : 1 / 1.5, v.widthPx() / 2);
            frame(painter, gc, area, model, v);
        }
        List<Double> all = new ArrayList<>();
        v.fit();
        report("whole trace (fit), repainted", repeat(60, () -> frame(painter, gc, area, model, v)), all);
        List<Double> zoom = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            v.zoom(1.8, v.widthPx() / 3);
            zoom.add(frame(painter, gc, area, model, v));
        }
        for (int i = 0; i < 24; i++) {
            v.zoom(1 / 1.8, v.widthPx() / 3);
            zoom.add(frame(painter, gc, area, model, v));
        }
        report("zooming in to 1 px = 1 ns and out again (wheel steps)", zoom, all);
        for (long visibleNs : new long[] {10_000_000_000L, 1_000_000_000L, 100_000_000L, 10_000_000L, 1_000_000L}) {
            v.show(model.startNs() + (model.endNs() - model.startNs()) / 3, visibleNs);
            List<Double> pan = repeat(100, () -> {
                v.pan(v.widthPx() / 20);
                return frame(painter, gc, area, model, v);
            });
            report(String.format("scrolling with %s in view", human(visibleNs)), pan, all);
        }
        report("ALL frames", all, new ArrayList<>());
        gc.dispose();
        image.dispose();
        display.dispose();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU time of each frame, parallel to the wall times the scenarios collect. */
    private static final List<Double> CPU = new ArrayList<>();

    private static double frame(TimelinePainter painter, GC gc, Rectangle area, TimelineModel model, Viewport v) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        painter.paint(gc, area, model, v);
        double wall = (System.nanoTime() - t) / 1e6;
        CPU.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        return wall;
    }

    private interface Frame {
        double run();
    }

    private static List<Double> repeat(int n, Frame f) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.run());
        }
        return out;
    }

    /**
     * Wall time, and the thread's CPU time for the same frames: on a shared machine the wall time includes waiting
     * for a core, which the CPU time leaves out. The last report ({@code all} empty) covers every frame so far.
     */
    private static void report(String what, List<Double> frames, List<Double> all) {
        List<Double> cpu;
        if (all.isEmpty() && !MEASURED.isEmpty()) {
            cpu = new ArrayList<>(MEASURED);
        } else {
            cpu = new ArrayList<>(CPU.subList(CPU.size() - frames.size(), CPU.size()));
            MEASURED.addAll(cpu);
            all.addAll(frames);
        }
        List<Double> s = new ArrayList<>(frames);
        Collections.sort(s);
        Collections.sort(cpu);
        System.out.printf("%-52s %4d frames: wall median %6.2f ms, p95 %6.2f ms, max %6.2f | cpu median %6.2f ms,"
                + " p95 %6.2f ms%n", what, s.size(), s.get(s.size() / 2), p95(s), s.get(s.size() - 1),
                cpu.get(cpu.size() / 2), p95(cpu));
    }

    private static final List<Double> MEASURED = new ArrayList<>();

    private static double p95(List<Double> sorted) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1));
    }

    private static String human(long ns) {
        return ns >= 1_000_000_000L ? ns / 1_000_000_000L + " s" : ns / 1_000_000L + " ms";
    }
}
