// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.util.List;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * One partition's cgroup (one directory per hierarchy in a hybrid layout): its processes are limited in memory,
 * process count and cpus, and frozen outside the partition's windows. Freeze and thaw write to control files that
 * stay open, because they sit on the window edge's critical path.
 */
public interface PartitionGroup extends AutoCloseable {
    String name();

    /** Moves process {@code pid} (all its threads) into the group; its children are born inside. */
    void add(long pid) throws BoardUnavailableException;

    /** The processes in the group now. */
    List<Long> pids() throws BoardUnavailableException;

    /**
     * Confines the group's processes to processor {@code cpu}, one of the group's own (a partition with windows on
     * several cores runs on the core whose window is open); nothing happens for a group of one cpu.
     */
    void runOn(int cpu) throws BoardUnavailableException;

    /** Asks the kernel to stop every task of the group; returns at once (see {@link #frozen()}). */
    void freeze() throws BoardUnavailableException;

    void thaw() throws BoardUnavailableException;

    /** True once the kernel confirms every task stopped (v2 cgroup.events "frozen 1", v1 freezer.state FROZEN). */
    boolean frozen() throws BoardUnavailableException;

    /**
     * How long, since the group was created, at least one of its tasks was ready to run but waited for a processor
     * (the "some" total of a v2 group's cpu.pressure), in ns; -1 where the layout or kernel gives the group no such
     * count (a v1-only freezer layout, a kernel without pressure stall information). Frozen or blocked tasks do
     * not wait for a processor: this is the time the host, not the partition, took from the partition's windows.
     */
    long processorWaitNanos() throws BoardUnavailableException;

    /** How many processes of the group the kernel's OOM killer has killed since the group was created. */
    long oomKills() throws BoardUnavailableException;

    /** Kills every process of the group, frozen ones included, and returns once the group is empty. */
    void kill() throws BoardUnavailableException;

    /** Kills the processes, waits until the group is empty and removes its directories. */
    @Override
    void close() throws BoardUnavailableException;
}
