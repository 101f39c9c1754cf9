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
     * the throwable, before the core is given back.
     */
    ExecutionContext create(String name, long stackSize, Runnable body, java.util.function.Consumer<Throwable> onEnd);

    /** Ends every thread still waiting (after a run). */
    void shutdown();
}
