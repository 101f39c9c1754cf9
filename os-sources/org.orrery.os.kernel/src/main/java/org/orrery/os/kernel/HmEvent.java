// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;

/**
 * One error handled by the health monitor.
 *
 * @param partition partition name, "" for module-level errors
 * @param process process name, "" when no process was involved
 * @param raised raised by the partition's application ({@code Partition.raiseError}), not detected by the kernel: a
 *        raised DEADLINE_MISSED or WINDOW_OVERRUN is handled as its rule says but is no miss or overrun of the run
 */
public record HmEvent(long timeNs, String partition, String process, ErrorCode error, HmLevel level,
        HmAction action, String message, boolean raised) {
    /** An error the kernel detected. */
    public HmEvent(long timeNs, String partition, String process, ErrorCode error, HmLevel level, HmAction action,
            String message) {
        this(timeNs, partition, process, error, level, action, message, false);
    }

    @Override
    public String toString() {
        return String.format("%d.%09d %s%s %s -> %s %s: %s", timeNs / 1_000_000_000L, timeNs % 1_000_000_000L,
                partition.isEmpty() ? "module" : partition, process.isEmpty() ? "" : "/" + process, error, level,
                action, message);
    }
}
