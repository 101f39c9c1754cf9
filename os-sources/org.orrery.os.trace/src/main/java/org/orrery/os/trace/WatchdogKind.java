// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace;

/**
 * Which watchdog a {@link TraceEventType#WATCHDOG_KICK} or {@link TraceEventType#WATCHDOG_EXPIRED} event is about:
 * its ordinal is the event's {@code watchdog} field, so never reorder, only add.
 */
public enum WatchdogKind {
    /** A partition's own watchdog ({@code watchdog} period of the partition). */
    PARTITION,
    /** The board's hardware watchdog, kicked by the module. */
    BOARD
}
