// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.schedule;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * Partition colours of the schedule editor, by the schedule model's stable colour index. Same hues as the
 * trace timeline so a partition looks alike in the configuration and in a run.
 */
final class SchedulePalette {

    private static final RGB[] PARTITIONS = {
        new RGB(0x4e, 0x79, 0xa7), new RGB(0xf2, 0x8e, 0x2b), new RGB(0x59, 0xa1, 0x4f), new RGB(0xb0, 0x7a, 0xa1),
        new RGB(0x76, 0xb7, 0xb2), new RGB(0xed, 0xc9, 0x48), new RGB(0x9c, 0x75, 0x5f), new RGB(0xff, 0x9d, 0xa7),
    };

    static final Color PROBLEM = new Color(0xd0, 0x10, 0x10);
    static final Color LANE = new Color(0xf2, 0xf2, 0xf2);
    static final Color OUTSIDE_FRAME = new Color(0xc8, 0xc8, 0xc8);
    static final Color GRID = new Color(0xe0, 0xe0, 0xe0);
    static final Color TEXT = new Color(0x20, 0x20, 0x20);
    static final Color FRAME = new Color(0x30, 0x30, 0x90);
    static final Color PREVIEW = new Color(0x10, 0x10, 0x10);

    private SchedulePalette() {
    }

    static Color partition(int index) {
        return new Color(PARTITIONS[Math.floorMod(index, PARTITIONS.length)]);
    }
}
