// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessFailure;

class LockstepExecutorTest {

    /**
     * A process body can end inside a kernel call with the kernel lock taken: a StackOverflowError may strike
     * right after lock() returns, before the kernel's try/finally. Its thread must not take the lock with it.
     */
    @Test
    void aBodyThatEndsHoldingTheLockDoesNotStopTheEngine() {
        LockstepExecutor executor = new LockstepExecutor(1_000_000_000L);
        ReentrantLock lock = executor.lock();
        List<Throwable> ended = new ArrayList<>();
        ExecutionContext ctx = executor.create("deep", 0, () -> {
            lock.lock();
            throw new StackOverflowError("as if thrown right after lock()");
        }, ended::add);
        assertTrue(resumeAsTheEngine(ctx, lock));
        assertEquals(1, ended.size());
        // described on the process's thread before the kernel is entered, the throwable itself inside
        ProcessFailure failure = assertInstanceOf(ProcessFailure.class, ended.get(0));
        assertInstanceOf(StackOverflowError.class, failure.failure());
        assertEquals("java.lang.StackOverflowError: as if thrown right after lock()", failure.text());
        assertTrue(ctx.dead());
        assertFalse(lock.isLocked());
        executor.shutdown();
    }

    /**
     * The kernel's end handler itself fails (seen with an image whose kernel the board's code no longer linked with: a
     * NoSuchMethodError in the health monitor's report): the core still goes back to the engine, which stalled before,
     * and the failure is not swallowed.
     */
    @Test
    void anEndHandlerThatFailsStillGivesTheCoreBack() throws Exception {
        List<String> told = new ArrayList<>();
        LockstepExecutor executor = new LockstepExecutor(1_000_000_000L);
        ReentrantLock lock = executor.lock();
        ExecutionContext ctx = executor.create("broken", 0, () -> {
            throw new IllegalStateException("the application's own");
        }, f -> {
            told.add(String.valueOf(f));
            throw new NoSuchMethodError("as if the kernel no longer linked");
        });
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> uncaught = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            assertTrue(resumeAsTheEngine(ctx, lock));
            assertEquals(1, told.size(), told.toString());
            assertTrue(ctx.dead());
            assertFalse(lock.isLocked());
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (uncaught.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertInstanceOf(NoSuchMethodError.class, uncaught.get(0), "the thread ends with it, named");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            executor.shutdown();
        }
    }

    /** Gives {@code ctx} its turn as the engine does, holding the kernel's lock; a turn never given back fails. */
    private static boolean resumeAsTheEngine(ExecutionContext ctx, ReentrantLock lock) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            lock.lock();
            try {
                return ctx.resume();
            } finally {
                lock.unlock();
            }
        });
    }
}
