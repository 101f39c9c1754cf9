// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/** A slot's standing with the bootloader. */
public enum SlotState {
    /** holds no image */
    EMPTY,
    /** holds a verified image on trial: booted, not yet confirmed good */
    TRIAL,
    /** holds an image that confirmed itself good */
    GOOD,
    /** holds an image whose trial failed; never booted again */
    BAD
}
