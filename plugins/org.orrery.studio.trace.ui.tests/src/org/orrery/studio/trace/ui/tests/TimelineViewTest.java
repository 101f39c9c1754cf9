// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.trace.testing.TimelineSystems.MS;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.trace.ui.TimelineView;
import org.orrery.studio.trace.ui.internal.TimelineCanvas;
import org.orrery.studio.trace.ui.internal.Viewport;
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

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}
