// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * A partition window: on {@code core}, from {@code startNs} (offset in the major frame) for
 * {@code durationNs}, the named partition runs.
 */
public record WindowConfig(int core, long startNs, long durationNs, String partition) {
    public WindowConfig {
        partition = Checks.str(partition, "window.partition");
    }
}
