// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.trace.testing.TimelineSystems.MS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfWriter;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.trace.ui.TimelineView;
import org.orrery.studio.trace.ui.internal.TimelineCanvas;
import org.orrery.studio.trace.ui.internal.Viewport;
import org.orrery.trace.analysis.DeviationKind;
import org.orrery.trace.testing.BusyRun;
import org.orrery.trace.testing.TimelineSystems;
import org.orrery.trace.testing.TraceScript;

/** Opens a recorded trace folder in the Orrery Timeline view and works with it like an integrator. */
class TimelineViewTest {

    @TempDir
    Path dir;

    @Test
    void showsTheRunListsItsDeviationsAndZoomsToOne() throws Exception {
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(0, 10, 14, 0, 0, 0).window(0, 16, 20, 2, 1, 0).window(1, 10, 20, 1, 2, 0);
        run.writeFolder(dir, TimelineSystems.twoCores());

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TimelineView view = (TimelineView) page.showView(TimelineView.ID);
        view.openTraceFolder(dir);
        Widgets.flushEvents();
        Composite viewArea = view.canvas().getParent();

        Table table = Widgets.findOne(viewArea, Table.class, t -> true, "listing deviations");
        assertEquals(1, table.getItemCount());
        assertEquals("LATE_START", table.getItem(0).getText(2));
        assertTrue(table.getItem(0).getText(3).contains("opened 1.000 ms late"), table.getItem(0).getText(3));
        assertTrue(view.getContentDescription().contains("2 cores, 6 windows, 1 deviation from"),
                view.getContentDescription());
        Widgets.findOne(viewArea.getShell(), TimelineCanvas.class, c -> c.isVisible(), "drawing the lanes");

        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new Event());
        Viewport v = view.canvas().viewport();
        assertTrue(v.startNs() <= 16 * MS && 16 * MS <= v.endNs(), "the deviation is visible");
        assertTrue(v.endNs() - v.startNs() < 20 * MS, "and zoomed in on");

        view.canvas().fit();
        page.toggleZoom(page.getReference(view));
        Widgets.flushEvents();
        Screenshots.save(viewArea.getShell(), screenshots().resolve("orrery-timeline.png"));
        page.toggleZoom(page.getReference(view));
        page.hideView(view);
    }

    @Test
    void aRecheckThatChangesTheDeviationsButNotTheirNumberRedrawsTheRows() throws Exception {
        // Core 0's first window opens 3 ms late and closes at its configured end; its second opens on time. Two
        // windows alone put the frame's start at 3 ms: the first is short and the second 3 ms early. Once frame 1
        // arrives on time the run's typical offset puts it at 0: the first is late and short. Two rows either way.
        Path live = dir.resolve("growing");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TimelineView view = (TimelineView) page.showView(TimelineView.ID);
        try (CtfWriter writer = BusyRun.writer(live, 64)) {
            window(writer, 0, 3, 4, 0, 0);
            window(writer, 0, 5, 9, 2, 1);
            window(writer, 1, 0, 10, 1, 2);
            writer.flush();
            view.followTraceFolder(live);
            Table table = Widgets.findOne(view.canvas().getParent(), Table.class, t -> true, "listing deviations");
            assertEquals(List.of("SHORT_WINDOW", "EARLY_START"), kinds(table));

            window(writer, 0, 10, 14, 0, 0);
            window(writer, 0, 15, 19, 2, 1);
            window(writer, 1, 10, 20, 1, 2);
            writer.flush();
            Widgets.waitUntil(() -> !view.model().deviations().isEmpty()
                    && view.model().deviations().getFirst().kind() == DeviationKind.LATE_START,
                    Duration.ofSeconds(10), "the check of the grown trace");
            Widgets.flushEvents();
            assertEquals(List.of("LATE_START", "SHORT_WINDOW"), kinds(table), "the rows of the new check");
            assertTrue(table.getItem(0).getText(3).contains("opened 3.000 ms late"), table.getItem(0).getText(3));
        }
        view.setFollowing(false);
        page.hideView(view);
    }

    private static List<String> kinds(Table table) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            kinds.add(table.getItem(i).getText(2));
        }
        return kinds;
    }

    private static void window(CtfWriter writer, int core, long startMs, long endMs, int partition, int window) {
        writer.event(core, startMs * MS, TraceEventType.WINDOW_START.id(), partition, window, 0);
        writer.event(core, endMs * MS, TraceEventType.WINDOW_END.id(), partition, window, 0);
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}
