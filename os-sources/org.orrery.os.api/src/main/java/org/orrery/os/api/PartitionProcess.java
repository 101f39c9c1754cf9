// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** Handle of a process of the calling partition. Operations follow the rules of {@link Partition}. */
public interface PartitionProcess {
    ProcessRef ref();

    ProcessState state();

    /** Current priority (the base priority unless changed). */
    int priority();

    /** Absolute deadline of the current release, or {@link Partition#INFINITE} without one. */
    long deadline();

    /**
     * DORMANT → started. An aperiodic process is ready at once; a periodic one is released when a window of its
     * partition next opens (ARINC 653's next periodic processing start; at once if one opens at this instant), then
     * every period. During initialisation both wait for NORMAL mode, which applies the same rule.
     */
    void start();

    /** Any state → DORMANT; a process may stop itself (the call does not return). */
    void stop();

    /** Keeps the process from running until {@link #resume()}; a process may suspend itself. */
    void suspend();

    void resume();

    void setPriority(int priority);
}
