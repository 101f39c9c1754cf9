// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.trace.ctf.CtfWriter;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.trace.ui.TimelineView;
import org.orrery.studio.trace.ui.internal.Viewport;
import org.orrery.trace.testing.BusyRun;

/**
 * Follow: the view shows a trace folder while a CTF writer is still appending packets to it, keeps the newest
 * time in view, and stays where the user scrolled to once they look back.
 */
class TimelineFollowTest {

    private static final Duration POLLED = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aTraceBeingWrittenAppearsPacketByPacketAndTheViewKeepsUp() throws Exception {
        Path live = dir.resolve("live");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TimelineView view = (TimelineView) page.showView(TimelineView.ID);
        try (CtfWriter writer = BusyRun.writer(live, 256)) {
            BusyRun.emit(writer, 0, 20);
            view.followTraceFolder(live);
            assertTrue(view.following());
            long first = view.model().events();
            assertTrue(first > 0 && first <= writer.eventsWritten(), "complete packets only: " + first);

            BusyRun.emit(writer, 20, 40);
            long written = writer.eventsWritten();
            Widgets.waitUntil(() -> view.model().events() >= written - 2 * 256, POLLED,
                    "the packets written since opening to appear");
            Viewport v = view.canvas().viewport();
            assertEquals(view.model().endNs(), v.endNs(), "the whole growing trace in view");

            view.canvas().zoom(8);
            BusyRun.emit(writer, 60, 40);
            long more = writer.eventsWritten();
            Widgets.waitUntil(() -> view.model().events() >= more - 2 * 256, POLLED, "more packets");
            Widgets.waitUntil(() -> v.endNs() == view.model().endNs(), POLLED, "zoomed in, the view scrolls along");
            long span = v.endNs() - v.startNs();

            view.canvas().pan(-v.widthPx());
            long lookingAt = v.startNs();
            BusyRun.emit(writer, 100, 40);
            long last = writer.eventsWritten();
            Widgets.waitUntil(() -> view.model().events() >= last - 2 * 256, POLLED, "the last packets");
            assertEquals(lookingAt, v.startNs(), "scrolled back: the view stays put");
            assertEquals(span, v.endNs() - v.startNs(), "and keeps its zoom");
        }
        Widgets.waitUntil(() -> view.model().events() == 140 * BusyRun.eventsPerFrame(), POLLED,
                "the packets flushed on close");
        Widgets.waitUntil(() -> view.getContentDescription().contains(
                ((140 + 1) / BusyRun.LATE_EVERY) + " deviation from"), POLLED,
                "the schedule checked once the trace stopped growing: " + view.getContentDescription());
        assertTrue(view.getContentDescription().endsWith("(following)"), view.getContentDescription());

        view.setFollowing(false);
        assertFalse(view.following());
        page.hideView(view);
    }
}
