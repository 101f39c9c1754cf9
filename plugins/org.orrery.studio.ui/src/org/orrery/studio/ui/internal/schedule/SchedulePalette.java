// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.schedule;

import org.eclipse.swt.graphics.Color;
import org.orrery.dsl.generator.PartitionColours;

/**
 * Colours of the schedule editor. Partitions take the schedule model's colour, from {@link PartitionColours}
 * like the timeline and the generated reports.
 */
final class SchedulePalette {

    static final Color PROBLEM = new Color(0xd0, 0x10, 0x10);
    static final Color LANE = new Color(0xf2, 0xf2, 0xf2);
    static final Color OUTSIDE_FRAME = new Color(0xc8, 0xc8, 0xc8);
    static final Color GRID = new Color(0xe0, 0xe0, 0xe0);
    static final Color TEXT = new Color(0x20, 0x20, 0x20);
    static final Color FRAME = new Color(0x30, 0x30, 0x90);
    static final Color PREVIEW = new Color(0x10, 0x10, 0x10);

    private SchedulePalette() {
    }

    /** @param rgb the schedule model's 0xRRGGBB for the partition or VM */
    static Color partition(int rgb) {
        return new Color(PartitionColours.red(rgb), PartitionColours.green(rgb), PartitionColours.blue(rgb));
    }
}
