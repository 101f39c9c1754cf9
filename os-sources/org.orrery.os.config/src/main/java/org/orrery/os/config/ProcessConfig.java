// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * A process of a partition.
 *
 * @param name unique within the partition
 * @param kind periodic (released every {@code periodNs}) or aperiodic ({@code periodNs} = 0)
 * @param periodNs release period, &gt; 0 for periodic processes, 0 for aperiodic ones
 * @param deadlineNs relative deadline (time capacity) from each release/start, 0 = none
 * @param priority base priority, {@link Limits#MIN_PRIORITY}..{@link Limits#MAX_PRIORITY}, larger = more urgent
 * @param wcetNs worst-case execution time per release (used for analysis and reports; 0 = unknown)
 * @param stackSize stack size in bytes, &gt; 0
 */
public record ProcessConfig(
        String name,
        ProcessKind kind,
        long periodNs,
        long deadlineNs,
        int priority,
        long wcetNs,
        long stackSize) {

    public ProcessConfig {
        name = Checks.str(name, "process.name");
        kind = Checks.obj(kind, "process.kind");
    }
}
