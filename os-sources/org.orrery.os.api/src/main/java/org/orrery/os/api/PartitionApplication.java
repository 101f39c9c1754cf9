// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * Entry point of a partition application (the class named by the partition's {@code entryClass}; it
 * needs a public no-argument constructor).
 *
 * <p>{@link #initialize} is the partition's initialisation code. It runs in the partition's windows while
 * the mode is {@link PartitionMode#COLD_START} or {@link PartitionMode#WARM_START}: it creates the
 * processes, ports and intra-partition objects through {@code partition}, starts processes, and ends by
 * calling {@code partition.setMode(PartitionMode.NORMAL)} (which does not return). Returning normally has
 * the same effect. Keep the {@link Partition} reference: processes use it for every service.
 */
@FunctionalInterface
public interface PartitionApplication {
    void initialize(Partition partition) throws Exception;
}
