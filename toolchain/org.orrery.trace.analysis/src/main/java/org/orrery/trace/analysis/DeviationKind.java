// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

/** Ways a run can differ from its configured schedule. */
public enum DeviationKind {
    /** A window opened later than its configured offset in the major frame (beyond the tolerance). */
    LATE_START,
    /** A window opened earlier than its configured offset. */
    EARLY_START,
    /** A window closed before its configured duration had elapsed. */
    SHORT_WINDOW,
    /** The partition did not give the core back at the end of its window. */
    OVERRUN,
    /** The partition that ran is not the one the plan's window names. */
    WRONG_PARTITION,
    /** The trace names a plan or window that the configuration does not have, or the wrong core. */
    UNEXPECTED_WINDOW,
    /** A configured window inside the traced time never opened. */
    MISSING_WINDOW
}
