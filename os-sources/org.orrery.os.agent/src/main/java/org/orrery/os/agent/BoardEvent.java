// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/**
 * Something the board reports while it runs.
 *
 * @param timeMillis wall-clock time on the board (ms since the epoch)
 * @param kind what happened
 * @param text one line for people; for {@code MODE}, {@code HM} and {@code CPU} it starts with the partition name
 */
public record BoardEvent(long timeMillis, Kind kind, String text) {

    public enum Kind {
        /** a partition changed operating mode */
        MODE,
        /** the health monitor handled an error */
        HM,
        /** a slot changed state, the boot selection moved, an image booted or stopped */
        SLOT,
        /** a partition printed a line */
        CONSOLE,
        /**
         * how much of its last window a partition's processes used, and its mode then, at most once per major
         * frame: {@code PARTITION BUSY_US WINDOW_US MODE} (see {@link CpuUse})
         */
        CPU,
        /**
         * a core's schedule switched plans at the end of its major frame (an HM action, a partition's or an
         * operator's request): {@code FROM -> TO on core N}
         */
        PLAN
    }
}
