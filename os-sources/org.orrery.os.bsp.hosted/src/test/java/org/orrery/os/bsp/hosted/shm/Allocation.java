// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bytes the current thread has allocated so far (HotSpot's per-thread allocation counter). Looked up
 * reflectively because the module does not read java.management, and called through a method handle typed
 * to return a primitive, so reading the counter allocates nothing itself.
 */
final class Allocation {
    private static final Object BEAN;
    private static final MethodHandle ALLOCATED;

    static {
        try {
            BEAN = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            ALLOCATED = MethodHandles.publicLookup()
                    .findVirtual(Class.forName("com.sun.management.ThreadMXBean"), "getCurrentThreadAllocatedBytes",
                            MethodType.methodType(long.class))
                    .asType(MethodType.methodType(long.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Allocation() {
    }

    /**
     * Runs {@code round} until one run allocates nothing, at most 20 times, and returns the bytes the last run
     * allocated. The first runs are interpreted or compiled by C1, which allocate where C2 does not (the JIT
     * compiles on its own schedule, late on a busy machine); code that allocates on every call never reaches 0.
     */
    static long steadyState(Runnable round) {
        long bytes = -1;
        for (int i = 0; i < 20 && bytes != 0; i++) {
            long before = ofThisThread();
            round.run();
            bytes = ofThisThread() - before;
        }
        return bytes;
    }

    static long ofThisThread() {
        try {
            return (long) ALLOCATED.invokeExact(BEAN);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the thread's allocation counter", e);
        }
    }
}
