// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExit;

/**
 * Process code on host threads, strictly one at a time: the engine hands "the turn" to a process thread
 * and waits until it is handed back, so the interleaving depends only on kernel decisions, never on the
 * host scheduler. The engine waits at most {@code guard} of wall-clock time; a process still holding the
 * turn then is abandoned (it never gets the turn again and every API call it makes unwinds it), which
 * the kernel reports as WINDOW_OVERRUN.
 */
public final class LockstepExecutor extends ProcessThreads {
    /** Default wall-clock guard: generous, so that slow hosts never produce a spurious overrun. */
    public static final long DEFAULT_GUARD_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private final Condition engine = lock().newCondition();
    private final long guardNanos;

    public LockstepExecutor(long guardNanos) {
        if (guardNanos <= 0) {
            throw new IllegalArgumentException("guard must be > 0");
        }
        this.guardNanos = guardNanos;
    }

    @Override
    public ExecutionContext create(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
        return new Context(name, stackSize, body, onEnd);
    }

    /**
     * Process side: {@code nanos} of wall-clock time just spent by the board on behalf of the calling process
     * (starting its partition's process, say) are not the process's: its guard is extended by them.
     */
    public static void credit(long nanos) {
        Context c = CURRENT.get();
        if (c != null && nanos > 0) {
            c.deadline += nanos;
        }
    }

    private final class Context extends Turn {
        private volatile long deadline;

        Context(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
            super(name, stackSize, body, onEnd);
        }

        @Override
        public boolean resume() {
            if (dead() || isShutdown()) {
                return true;
            }
            turn = true;
            handOver();
            deadline = System.nanoTime() + guardNanos;
            while (turn) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandoned = true;
                    turn = false;
                    return false;
                }
                try {
                    engine.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandoned = true;
                    turn = false;
                    return false;
                }
            }
            return true;
        }

        @Override
        public void yieldCore() {
            turn = false;
            engine.signal();
            while (!turn && !isShutdown()) {
                turnGiven.awaitUninterruptibly();
            }
            if (!turn) {
                throw new ProcessExit();
            }
        }

        @Override
        public ProcessExit exit() {
            discarded = true;
            throw new ProcessExit();
        }

        @Override
        public void discard() {
            discarded = true;
        }

        @Override
        protected void beforeBody() {
            CURRENT.set(this);
        }

        @Override
        protected void release() {
            turn = false;
            engine.signal();
        }
    }
}
