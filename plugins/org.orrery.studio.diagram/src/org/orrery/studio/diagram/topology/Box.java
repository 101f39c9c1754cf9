// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

/** An axis-aligned rectangle in diagram coordinates (pixels at zoom 1, origin top left). */
public record Box(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= right() && py >= y && py <= bottom();
    }

    /** True when the interiors share area; touching edges do not count. */
    public boolean overlaps(Box o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    /** True when {@code o} lies completely inside this box (borders included). */
    public boolean encloses(Box o) {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }

    public Box grow(double d) {
        return new Box(x - d, y - d, width + 2 * d, height + 2 * d);
    }
}
