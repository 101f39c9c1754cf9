// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** How a partition schedules its processes inside its windows. Ordinals are part of the binary format: append new constants only. */
public enum SchedulingPolicy {
    FIXED_PRIORITY,
    EDF,
    ROUND_ROBIN
}
