// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** State of the system when an error is detected; health monitor tables are selected by it. Ordinals are part of the binary format: append new constants only. */
public enum SystemState {
    MODULE_INIT,
    PARTITION_INIT,
    PROCESS_EXECUTION,
    ERROR_HANDLER,
    KERNEL
}
