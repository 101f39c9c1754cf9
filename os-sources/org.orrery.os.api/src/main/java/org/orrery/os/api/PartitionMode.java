// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** Operating mode of a partition (ARINC 653). Ordinals appear in traces: append only. */
public enum PartitionMode {
    /** Initialising after power-up or a cold restart: processes and ports are being created. */
    COLD_START,
    /** Initialising after a warm restart: like cold start, but loaded classes (static state) are kept. */
    WARM_START,
    /** Processes are scheduled. */
    NORMAL,
    /** Shut down: the partition's windows pass without running anything. */
    IDLE
}
