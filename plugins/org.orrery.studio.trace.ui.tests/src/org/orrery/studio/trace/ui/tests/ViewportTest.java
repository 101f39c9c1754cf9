// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.orrery.studio.trace.ui.internal.Viewport;

/** The Timeline view's zoom and pan arithmetic: plain JUnit, it needs no display. */
class ViewportTest {

    private final Viewport v = new Viewport(0, 1_000_000);

    ViewportTest() {
        v.resize(1000);
    }

    @Test
    void startsShowingTheWholeTrace() {
        assertEquals(0, v.startNs());
        assertEquals(1_000_000, v.endNs());
        assertEquals(500, v.toPx(500_000));
    }

    @Test
    void zoomKeepsTheTimeUnderThePointer() {
        long under = v.toNs(250);
        v.zoom(4, 250);
        assertEquals(under, v.toNs(250));
        assertEquals(250_000, v.endNs() - v.startNs());
    }

    @Test
    void panStopsAtTheEdgesOfTheTrace() {
        v.zoom(10, 0);
        v.pan(-500);
        assertEquals(0, v.startNs());
        v.pan(1_000_000);
        assertEquals(1_000_000, v.endNs());
    }

    @Test
    void zoomingOutNeverShowsMoreThanTheTrace() {
        v.zoom(0.01, 500);
        assertEquals(0, v.startNs());
        assertEquals(1_000_000, v.endNs());
    }

    @Test
    void showCentresATime() {
        v.show(700_000, 10_000);
        assertTrue(v.startNs() <= 700_000 && v.endNs() >= 700_000);
        assertEquals(10_000, v.endNs() - v.startNs());
        assertEquals(500, v.toPx(700_000));
    }

    @Test
    void aGrowingTraceStaysWholeWhenTheWholeTraceWasShown() {
        v.grow(0, 2_000_000, true);
        assertEquals(0, v.startNs());
        assertEquals(2_000_000, v.endNs());
    }

    @Test
    void followingScrollsAlongAtTheNewestTimeKeepingTheZoom() {
        v.show(990_000, 20_000); // the newest time in view, zoomed in
        long span = v.endNs() - v.startNs();
        v.grow(0, 1_500_000, true);
        assertEquals(1_500_000, v.endNs());
        assertEquals(span, v.endNs() - v.startNs());
        v.grow(0, 1_600_000, false);
        assertEquals(1_500_000, v.endNs(), "not following: the view stays");
    }

    @Test
    void aViewScrolledAwayFromTheNewestTimeStaysPut() {
        v.show(300_000, 20_000);
        long start = v.startNs();
        v.grow(0, 5_000_000, true);
        assertEquals(start, v.startNs());
        assertEquals(20_000, v.endNs() - v.startNs());
    }
}
