// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.schedule;

import org.eclipse.swt.graphics.Rectangle;
import org.orrery.studio.diagram.schedule.PlanSchedule;
import org.orrery.studio.diagram.schedule.WindowBlock;

/**
 * Where things are on the schedule canvas: a ruler on top, then one lane per core; time maps linearly to x
 * over the plan's longest major frame. Painting, hit-testing and tests share this one mapping.
 */
public final class ScheduleGeometry {

    public static final int LABEL_PX = 80;
    public static final int RIGHT_PX = 24;
    public static final int RULER_PX = 28;
    public static final int LANE_PX = 44;
    public static final int LANE_GAP_PX = 10;
    /** How close to a block's edge a press grabs the edge (resize) instead of the block (move). */
    public static final int EDGE_PX = 5;

    private final PlanSchedule plan;
    private final int width;
    private final long spanNs;

    public ScheduleGeometry(PlanSchedule plan, int width) {
        this.plan = plan;
        this.width = width;
        this.spanNs = plan == null ? 1 : Math.max(1, plan.longestFrameNs());
    }

    public int plotWidth() {
        return Math.max(1, width - LABEL_PX - RIGHT_PX);
    }

    public long spanNs() {
        return spanNs;
    }

    public int x(long ns) {
        return LABEL_PX + (int) Math.round((double) ns * plotWidth() / spanNs);
    }

    public long time(int x) {
        return Math.round((double) (x - LABEL_PX) * spanNs / plotWidth());
    }

    /** Nanoseconds per pixel, for converting drag distances. */
    public double nsPerPixel() {
        return (double) spanNs / plotWidth();
    }

    public int laneTop(int lane) {
        return RULER_PX + LANE_GAP_PX + lane * (LANE_PX + LANE_GAP_PX);
    }

    /** The lane index at {@code y}, or -1. */
    public int laneAt(int y) {
        if (plan == null) {
            return -1;
        }
        for (int i = 0; i < plan.lanes().size(); i++) {
            int top = laneTop(i);
            if (y >= top && y < top + LANE_PX) {
                return i;
            }
        }
        return -1;
    }

    public Rectangle block(int lane, long startNs, long endNs) {
        int x0 = x(startNs);
        int x1 = Math.max(x0 + 2, x(endNs));
        return new Rectangle(x0, laneTop(lane) + 3, x1 - x0, LANE_PX - 6);
    }

    public Rectangle block(int lane, WindowBlock w) {
        return block(lane, w.startNs(), w.endNs());
    }

    public int height() {
        return plan == null ? RULER_PX : laneTop(plan.lanes().size()) + 4;
    }
}
