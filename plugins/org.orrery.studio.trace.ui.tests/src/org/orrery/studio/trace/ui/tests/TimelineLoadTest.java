// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.trace.ui.TimelineView;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.testing.BusyRun;

/**
 * Opening a trace from the view's action or after a launch reads it in a background job: the workbench keeps
 * handling events while a million events are decoded, the view keeps its trace until the new one is read, and
 * a cancelled, overtaken or failed read leaves it alone.
 */
class TimelineLoadTest {

    private static final Duration READ = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    private IWorkbenchPage page;
    private TimelineView view;

    @BeforeEach
    void openView() throws Exception {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        view = (TimelineView) page.showView(TimelineView.ID);
    }

    @AfterEach
    void closeView() {
        page.hideView(view);
    }

    @Test
    void theWorkbenchStaysResponsiveWhileAMillionEventsAreRead() throws Exception {
        Path small = BusyRun.writeFolder(dir.resolve("small"), 10);
        view.openTraceFolder(small);
        TimelineModel before = view.model();
        Path big = BusyRun.writeFolder(dir.resolve("big"), BusyRun.framesFor(1_000_000));

        // A timer on the UI thread counts how often it ran while the read was going on; a read on the UI thread
        // lets it run not once until the read is over.
        Display display = view.canvas().getDisplay();
        AtomicInteger ticksDuringRead = new AtomicInteger();
        Job[] job = new Job[1];
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (job[0] != null && job[0].getState() != Job.NONE) {
                ticksDuringRead.incrementAndGet();
                display.timerExec(10, tick[0]);
            }
        };
        long t = System.nanoTime();
        job[0] = view.loadTraceFolder(big);
        display.timerExec(10, tick[0]);
        assertSame(before, view.model(), "the view shows its trace until the new one is read");
        assertTrue(view.getContentDescription().startsWith("Reading the trace "), view.getContentDescription());

        Widgets.waitUntil(() -> view.model() != before, READ, "the million-event trace to show");
        double ms = (System.nanoTime() - t) / 1e6;
        assertEquals(IStatus.OK, job[0].getResult().getSeverity());
        assertTrue(view.model().events() >= 1_000_000, "events " + view.model().events());
        assertTrue(view.getContentDescription().contains("1,0"), view.getContentDescription());
        assertTrue(ticksDuringRead.get() > 0, "the UI thread ran no timer while the trace was read");
        System.out.printf("TimelineLoadTest: %,d events read in the background in %.0f ms; the UI thread ran a"
                + " 10 ms timer %d times meanwhile%n", view.model().events(), ms, ticksDuringRead.get());
    }

    @Test
    void aCancelledReadLeavesTheShownTrace() throws Exception {
        Path small = BusyRun.writeFolder(dir.resolve("small"), 10);
        view.openTraceFolder(small);
        TimelineModel before = view.model();
        String description = view.getContentDescription();
        Path big = BusyRun.writeFolder(dir.resolve("big"), BusyRun.framesFor(300_000));

        Job job = view.loadTraceFolder(big);
        job.cancel();
        Widgets.waitUntil(() -> job.getState() == Job.NONE, READ, "the cancelled read to end");
        Widgets.flushEvents();
        assertSame(before, view.model());
        assertEquals(description, view.getContentDescription());
    }

    @Test
    void theNewestReadWins() throws Exception {
        Path big = BusyRun.writeFolder(dir.resolve("big"), BusyRun.framesFor(300_000));
        Path small = BusyRun.writeFolder(dir.resolve("small"), 10);

        Job first = view.loadTraceFolder(big);
        Job second = view.loadTraceFolder(small);
        Widgets.waitUntil(() -> first.getState() == Job.NONE && second.getState() == Job.NONE, READ,
                "both reads to end");
        Widgets.flushEvents();
        assertTrue(view.model() != null && view.model().events() < 10_000,
                "the later, small trace is shown: " + (view.model() == null ? "none" : view.model().events()));
        assertTrue(view.getPartName().endsWith(" - small"), view.getPartName());
    }

    @Test
    void aFolderThatIsNoTraceIsNamedAndTheShownTraceKept() throws Exception {
        Path small = BusyRun.writeFolder(dir.resolve("small"), 10);
        view.openTraceFolder(small);
        TimelineModel before = view.model();
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Job job = view.loadTraceFolder(empty);
        Widgets.waitUntil(() -> job.getState() == Job.NONE, READ, "the read to fail");
        Widgets.flushEvents();
        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertSame(before, view.model());
        assertTrue(view.getContentDescription().startsWith("Cannot open the trace: " + empty), view.getContentDescription());
        assertNotSame("", job.getResult().getMessage());
    }
}
