// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

/**
 * Sizes the layout assumes for text and ports. Layout runs headless (no fonts), so boxes are sized from
 * character counts; the canvas draws with a font no wider than {@link #CHAR_WIDTH} so the text fits.
 */
public final class TopologyMetrics {

    public static final double CHAR_WIDTH = 7;
    /** Name line plus detail line. */
    public static final double HEADER = 38;
    public static final double ROW = 20;
    public static final double PORT = 10;
    public static final double PADDING = 8;
    public static final double MIN_WIDTH = 110;

    private TopologyMetrics() {
    }

    public static double textWidth(String s) {
        return s == null ? 0 : s.length() * CHAR_WIDTH;
    }

    /** Centre y of port row {@code row}, relative to the node's top. */
    public static double rowCenter(int row) {
        return HEADER + row * ROW + ROW / 2;
    }
}
