// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** Whether a process is released periodically by the kernel or started on demand. Ordinals are part of the binary format: append new constants only. */
public enum ProcessKind {
    PERIODIC,
    APERIODIC
}
