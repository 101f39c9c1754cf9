// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * The board's processor state of one process: the board decides how process code runs (threads handed
 * the core one at a time on the simulator). Engine-side methods are called with the kernel lock held;
 * process-side methods from the process's own code, also with the lock held.
 */
public interface ExecutionContext {
    /**
     * Engine side: lets the process run until it gives the core back ({@link #yieldCore()}, {@link #exit()},
     * or its body ends). Returns false if it kept the core beyond the board's guard; the context is then
     * abandoned and never resumed again.
     */
    boolean resume();

    /** Process side: gives the core back and waits until resumed; throws {@link ProcessExit} if discarded. */
    void yieldCore();

    /** Process side: gives the core back for good; always throws {@link ProcessExit} to unwind the process. */
    ProcessExit exit();

    /** Engine side: the process will never run again; a blocked thread unwinds with {@link ProcessExit}. */
    void discard();

    /** True once discarded, abandoned or finished. */
    boolean dead();

    /** Whether the calling thread is this context's (detects calls from abandoned or foreign threads). */
    boolean isCurrentThread();

    /**
     * Whether the board lost the address space this process ran in (a partition process that died or that the
     * board had to kill): the partition's other processes are gone with it, so only a restart brings it back.
     */
    default boolean partitionLost() {
        return false;
    }

    /**
     * Concurrent executors: the process was resumed and has not given the core back yet (it runs its own code or
     * is inside a kernel call). Always false on lockstep executors, where {@link #resume()} waits for it.
     */
    default boolean running() {
        return false;
    }

    /**
     * Concurrent executors, engine side: the process overran and will never be resumed again; whatever still runs
     * of it is stopped the only way the board can (a partition process is killed).
     */
    default void abandon() {
        throw new UnsupportedOperationException("lockstep contexts are abandoned by resume()");
    }
}
