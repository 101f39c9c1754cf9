// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.concurrent.locks.ReentrantLock;

/** Creates execution contexts; owns the kernel lock that serialises the engine and every API call. */
public interface ProcessExecutor {
    /** Held by the engine while it runs and by a process during each API call. */
    ReentrantLock lock();

    /**
     * A context that runs {@code body} when first resumed. When the body returns or throws (other than
     * {@link ProcessExit}), {@code onEnd} is called on the process thread with the lock held, with null or
     * the throwable, before the core is given back; an executor that can describes the throwable first, without the
     * lock, and passes it as a {@link ProcessFailure}.
     */
    ExecutionContext create(String name, long stackSize, Runnable body, java.util.function.Consumer<Throwable> onEnd);

    /** Ends every thread still waiting (after a run). */
    void shutdown();

    /**
     * Whether a resumed process runs beside the engine until it gives its core back (a real-time board), rather
     * than the engine waiting for it. Kernel calls are then the preemption points of process code.
     */
    default boolean concurrent() {
        return false;
    }

    /**
     * Engine side, concurrent executors only, lock held: releases the lock until a process gives its core back,
     * ends or makes a call, or until the board's clock reaches {@code untilNs}.
     */
    default void awaitActivity(long untilNs) {
        throw new UnsupportedOperationException("a lockstep executor never runs processes beside the engine");
    }

    /** Concurrent executors: a process entered the kernel (the engine may have new work: wake it). */
    default void callMade() {
    }

    /**
     * Concurrent executors: how long a process may run its own code without entering the kernel before it
     * counts as a window overrun when its window ends.
     */
    default long overrunNanos() {
        return Long.MAX_VALUE;
    }

    /**
     * As {@link #overrunNanos()} for a process of the partition with this index: a board may lift the allowance
     * while a debugger holds the partition's threads at a breakpoint (the process's deadline still applies).
     */
    default long overrunNanos(int partition) {
        return overrunNanos();
    }
}
