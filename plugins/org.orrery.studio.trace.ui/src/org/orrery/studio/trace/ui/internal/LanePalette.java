// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.orrery.dsl.generator.PartitionColours;
import org.orrery.os.api.ProcessState;
import org.orrery.os.trace.TraceEventType;
import org.orrery.trace.analysis.TimeColumns;

/**
 * Colours of the timeline: one per partition (by its index, in the hues of {@link PartitionColours}), per process
 * state and per marker kind. Made once per palette: a frame of a million events sets colours thousands of times.
 */
public final class LanePalette {

    private final Color[] partitions = new Color[TimeColumns.MAX_COLOUR + 1];
    private final Color[] states = new Color[ProcessState.values().length];
    private final Color red;
    private final Color blue;
    private final Color orange;
    private final Color grey;

    public LanePalette(Display display) {
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Color(display, rgb(i));
        }
        for (ProcessState s : ProcessState.values()) {
            states[s.ordinal()] = switch (s) {
                case RUNNING -> new Color(display, 0x2e, 0x9e, 0x44);
                case READY -> new Color(display, 0xe0, 0xc0, 0x30);
                case WAITING -> new Color(display, 0xb0, 0xb0, 0xb0);
                case DORMANT -> new Color(display, 0xe8, 0xe8, 0xe8);
            };
        }
        red = new Color(display, 0xd0, 0x20, 0x20);
        blue = new Color(display, 0x20, 0x60, 0xc0);
        orange = new Color(display, 0xe0, 0x80, 0x00);
        grey = new Color(display, 0x40, 0x40, 0x40);
    }

    /** The partition with this index (indexes past the palette share its last colour). */
    public Color partition(int index) {
        return partitions[Math.max(0, Math.min(partitions.length - 1, index))];
    }

    public Color state(int ordinal) {
        return ordinal >= 0 && ordinal < states.length ? states[ordinal] : grey;
    }

    /**
     * Of the process states in {@code stateBits} (bit = ordinal), the one a zoomed-out column shows: running
     * first, then ready, waiting, dormant.
     */
    public static long busiestState(long stateBits) {
        for (ProcessState s : new ProcessState[] {ProcessState.RUNNING, ProcessState.READY, ProcessState.WAITING}) {
            if ((stateBits & (1L << s.ordinal())) != 0) {
                return 1L << s.ordinal();
            }
        }
        return stateBits;
    }

    /** The colour of the most telling marker among {@code typeBits} (bit = event type id): faults first. */
    public Color markers(long typeBits) {
        if ((typeBits & (bit(TraceEventType.HM_EVENT) | bit(TraceEventType.WATCHDOG_EXPIRED)
                | bit(TraceEventType.PORT_OVERFLOW))) != 0) {
            return red;
        }
        if ((typeBits & bit(TraceEventType.WATCHDOG_KICK)) != 0) {
            return orange;
        }
        if ((typeBits & (bit(TraceEventType.PORT_SEND) | bit(TraceEventType.PORT_RECEIVE))) != 0) {
            return blue;
        }
        return grey;
    }

    public Color deviation() {
        return red;
    }

    private static long bit(TraceEventType t) {
        return 1L << t.id();
    }

    /** The partition's colour in {@link PartitionColours}, the palette the generated reports use too. */
    static RGB rgb(int index) {
        int rgb = PartitionColours.rgb(index);
        return new RGB(PartitionColours.red(rgb), PartitionColours.green(rgb), PartitionColours.blue(rgb));
    }
}
