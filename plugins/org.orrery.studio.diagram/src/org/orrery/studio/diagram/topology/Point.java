// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

/** A point in diagram coordinates. */
public record Point(double x, double y) {

    /** Distance from this point to the segment {@code a}–{@code b}. */
    public double distanceToSegment(Point a, Point b) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
        double px = a.x + t * dx - x;
        double py = a.y + t * dy - y;
        return Math.sqrt(px * px + py * py);
    }
}
