// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.orrery.os.api.ProcessState;
import org.orrery.os.trace.TraceEventType;

/** Colours of the timeline: one per partition (stable by index), per process state and per marker kind. */
public final class LanePalette {

    private static final RGB[] PARTITIONS = {
        new RGB(0x4e, 0x79, 0xa7), new RGB(0xf2, 0x8e, 0x2b), new RGB(0x59, 0xa1, 0x4f), new RGB(0xb0, 0x7a, 0xa1),
        new RGB(0x76, 0xb7, 0xb2), new RGB(0xed, 0xc9, 0x48), new RGB(0x9c, 0x75, 0x5f), new RGB(0xff, 0x9d, 0xa7),
    };

    private final Display display;

    public LanePalette(Display display) {
        this.display = display;
    }

    public Color partition(int index) {
        RGB rgb = PARTITIONS[Math.floorMod(index, PARTITIONS.length)];
        return new Color(display, rgb);
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
}
