// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** The level at which the health monitor handles an error (ARINC 653). Ordinals are in the binary format. */
public enum HmLevel {
    /** Handled for the failing process (its partition's error handler is started if one exists). */
    PROCESS,
    /** Handled for the whole partition. */
    PARTITION,
    /** Handled for the whole module (all partitions, the schedule). */
    MODULE
}
