// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.orrery.dsl.generator.PartitionColours;
import org.orrery.os.api.ProcessState;
import org.orrery.os.trace.TraceEventType;

/**
 * Colours of the timeline: one per partition (by its index, in the hues of {@link PartitionColours}), per process
 * state and per marker kind.
 */
public final class LanePalette {

    private final Display display;

    public LanePalette(Display display) {
        this.display = display;
    }

    public Color partition(int index) {
        return new Color(display, rgb(index));
    }

    public Color state(ProcessState state) {
        return switch (state) {
            case RUNNING -> new Color(display, 0x2e, 0x9e, 0x44);
            case READY -> new Color(display, 0xe0, 0xc0, 0x30);
            case WAITING -> new Color(display, 0xb0, 0xb0, 0xb0);
            case DORMANT -> new Color(display, 0xe8, 0xe8, 0xe8);
        };
    }

    public Color marker(TraceEventType type) {
        return switch (type) {
            case HM_EVENT, WATCHDOG_EXPIRED, PORT_OVERFLOW -> new Color(display, 0xd0, 0x20, 0x20);
            case PORT_SEND, PORT_RECEIVE -> new Color(display, 0x20, 0x60, 0xc0);
            case WATCHDOG_KICK -> new Color(display, 0xe0, 0x80, 0x00);
            default -> new Color(display, 0x40, 0x40, 0x40);
        };
    }

    public Color deviation() {
        return new Color(display, 0xd0, 0x00, 0x00);
    }

    /** The partition's colour in {@link PartitionColours}, the palette the generated reports use too. */
    static RGB rgb(int index) {
        int rgb = PartitionColours.rgb(index);
        return new RGB(PartitionColours.red(rgb), PartitionColours.green(rgb), PartitionColours.blue(rgb));
    }
}
