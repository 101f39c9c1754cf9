// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** ARINC 653 process states; ordinals appear in PROCESS_STATE trace events. Append only. */
public enum ProcessState {
    /** Not started, stopped, or returned from its body. */
    DORMANT,
    /** Eligible to run. */
    READY,
    /** Holding its core. */
    RUNNING,
    /** Blocked on time, a resource, its next release, or suspended. */
    WAITING
}
