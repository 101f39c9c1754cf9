// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionMode;

/**
 * What a kernel that runs only some of the module's partitions (a partition's own kernel in its process on the hosted
 * board, {@link Kernel#bootResident}) owes the kernel that runs the module. It schedules its partitions' processes and
 * keeps their objects itself, but what concerns the module is not its to do: a plan switch, a module shutdown or
 * reset, and a partition's cold start (the module ends the partition's address space and starts a new one from the
 * image) are asked for here and happen when the module says so. Every mode change and health-monitor event is told
 * too, so the module's view of the partition is the partition's own.
 * <p>
 * Called on the kernel's threads with its lock held: an implementation hands the news on and returns (it must not
 * wait for the module).
 */
public interface ModuleLink {

    /** A resident partition changed mode ({@code from} → {@code to}) at {@code timeNs}. */
    void modeChanged(int partition, PartitionMode from, PartitionMode to, long timeNs);

    /** The health monitor handled an error of a resident partition (its action is in the event). */
    void hmEvent(int partition, HmEvent event);

    /**
     * A resident partition's window closed, in which its processes held a core for {@code busyNs} of its
     * {@code windowNs} (the module's kernel runs none of them, so only this kernel can tell).
     */
    void windowUsed(int partition, long windowNs, long busyNs);

    /** A resident partition or its health monitor asked for {@code plan} at the end of the current major frames. */
    void planRequested(int plan);

    /**
     * A resident partition is to cold start (its health monitor's action or its own request). Its processes are
     * already stopped here; it initialises again only in the address space the module starts for it.
     */
    void coldStartRequested(int partition);

    /** The health monitor asked for SHUTDOWN_MODULE; this kernel has stopped its partitions' processes. */
    void shutdownRequested();

    /** The health monitor asked for RESET_MODULE; this kernel has stopped its partitions' processes. */
    void resetRequested();
}
