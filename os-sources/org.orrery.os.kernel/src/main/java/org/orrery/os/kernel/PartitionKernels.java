// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * The partitions that run in kernels of their own (a process each on the hosted board, {@link Kernel#bootResident}),
 * as the module's kernel ({@link Kernel#bootModule}) sees them: it opens and closes their windows and keeps the module,
 * they run their processes. What the module decides for such a partition is handed to the board here; what the
 * partition's kernel tells the module comes back through {@link Kernel#reportedMode}, {@link Kernel#reportedHm},
 * {@link Kernel#planRequested} and {@link Kernel#partitionLost}.
 * <p>
 * Called with the kernel lock held, on the engine's thread or the thread that told the kernel: an implementation
 * hands the request on and returns.
 */
public interface PartitionKernels {

    /**
     * {@code partition} starts cold in a new address space: at boot, after a cold start its kernel asked for, a module
     * reset, an operator's restart or start, or the loss of its process. Whatever ran of it before is to end first.
     */
    void coldStart(int partition);

    /** {@code partition} is to stop: an operator stopped it or the module's health monitor idled it. */
    void idle(int partition);

    /** Core {@code core} began a frame of a plan other than the one before, at {@code frameStartNs}. */
    void frameBegun(int core, int plan, long frameStartNs);
}
