// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExecutor;
import org.orrery.os.kernel.ProcessExit;

/**
 * Process code on host threads, strictly one at a time: the engine hands "the turn" to a process thread
 * and waits until it is handed back, so the interleaving depends only on kernel decisions, never on the
 * host scheduler. The engine waits at most {@code guard} of wall-clock time; a process still holding the
 * turn then is abandoned (it never gets the turn again and every API call it makes unwinds it), which
 * the kernel reports as WINDOW_OVERRUN.
 */
public final class LockstepExecutor implements ProcessExecutor {
    private static final long MIN_STACK = 512 * 1024;
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition engine = lock.newCondition();
    private final long guardNanos;
    private final List<Context> started = new ArrayList<>();
    private boolean shutdown;

    public LockstepExecutor(long guardNanos) {
        if (guardNanos <= 0) {
            throw new IllegalArgumentException("guard must be > 0");
        }
        this.guardNanos = guardNanos;
    }

    @Override
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public ExecutionContext create(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
        return new Context(name, stackSize, body, onEnd);
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            for (Context c : started) {
                c.turnGiven.signalAll();
            }
            started.clear();
        } finally {
            lock.unlock();
        }
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

    /** Number of process threads started and not yet finished (for tests and diagnostics). */
    public int liveThreads() {
        lock.lock();
        try {
            return (int) started.stream().filter(c -> !c.finished).count();
        } finally {
            lock.unlock();
        }
    }

    private final class Context implements ExecutionContext {
        private final String name;
        private final long stackSize;
        private final Runnable body;
        private final Consumer<Throwable> onEnd;
        private final Condition turnGiven = lock.newCondition();
        private Thread thread;
        private boolean turn;
        private boolean discarded;
        private boolean abandoned;
        private boolean finished;
        private volatile long deadline;

        Context(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
            this.name = name;
            this.stackSize = stackSize;
            this.body = body;
            this.onEnd = onEnd;
        }

        @Override
        public boolean resume() {
            if (discarded || finished || abandoned || shutdown) {
                return true;
            }
            turn = true;
            if (thread == null) {
                thread = new Thread(null, this::main, "orrery-" + name, Math.max(MIN_STACK, stackSize));
                thread.setDaemon(true);
                if (started.size() > 1024) {
                    started.removeIf(c -> c.finished);
                }
                started.add(this);
                thread.start();
            } else {
                turnGiven.signal();
            }
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
            while (!turn && !shutdown) {
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
        public boolean dead() {
            return discarded || finished || abandoned;
        }

        @Override
        public boolean isCurrentThread() {
            return Thread.currentThread() == thread;
        }

        private void main() {
            CURRENT.set(this);
            Throwable failure = null;
            boolean exited = false;
            try {
                body.run();
            } catch (ProcessExit e) {
                exited = true;
            } catch (Throwable t) {
                failure = t;
            }
            // A body can end inside a kernel call with the lock taken and the kernel's finally skipped: a
            // StackOverflowError may strike right after lock() returns. The engine would wait for it forever.
            while (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            lock.lock();
            try {
                if (abandoned || !turn) {
                    // Abandoned, or unwound at shutdown: the kernel no longer waits for this thread.
                    finished = true;
                    return;
                }
                if (!exited && !discarded) {
                    try {
                        onEnd.accept(failure);
                    } catch (ProcessExit e) {
                        // the end handler stopped this very process; nothing more to do
                    }
                }
                finished = true;
                turn = false;
                engine.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Default wall-clock guard: generous, so that slow hosts never produce a spurious overrun. */
    public static final long DEFAULT_GUARD_NANOS = TimeUnit.SECONDS.toNanos(5);
}
