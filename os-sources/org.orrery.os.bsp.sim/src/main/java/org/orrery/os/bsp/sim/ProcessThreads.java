// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExecutor;
import org.orrery.os.kernel.ProcessExit;
import org.orrery.os.kernel.ProcessFailure;

/**
 * What every board's executor shares: one host thread per process, started on its first turn, guarded by the
 * kernel lock, and an end of life that never leaves the engine waiting. Boards differ in how a turn is handed
 * over and waited for (lockstep on the simulator, beside the engine on the hosted board).
 */
public abstract class ProcessThreads implements ProcessExecutor {
    private static final long MIN_STACK = 512 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Turn> started = new ArrayList<>();
    private boolean shutdown;

    @Override
    public final ReentrantLock lock() {
        return lock;
    }

    @Override
    public final void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            for (Turn c : started) {
                c.turnGiven.signalAll();
            }
            started.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The board is shutting down: no process gets a turn again. Called with the lock held. */
    protected final boolean isShutdown() {
        return shutdown;
    }

    /** Number of process threads started and not yet finished (for tests and diagnostics). */
    public final int liveThreads() {
        lock.lock();
        try {
            return (int) started.stream().filter(c -> !c.finished).count();
        } finally {
            lock.unlock();
        }
    }

    /** The name of the thread of the process whose context is {@code context} ("partition/process"). */
    protected String threadName(String context) {
        return "orrery-" + context;
    }

    /** One process's thread and its right to run; every field is guarded by the kernel lock. */
    protected abstract class Turn implements ExecutionContext {
        private final String name;
        private final long stackSize;
        private final Runnable body;
        private final java.util.function.Consumer<Throwable> onEnd;
        protected final Condition turnGiven = lock.newCondition();
        private Thread thread;
        protected boolean turn;
        protected boolean discarded;
        protected boolean abandoned;
        private boolean finished;

        protected Turn(String name, long stackSize, Runnable body, java.util.function.Consumer<Throwable> onEnd) {
            this.name = name;
            this.stackSize = stackSize;
            this.body = body;
            this.onEnd = onEnd;
        }

        /** The context's name ("partition/process"). */
        protected final String name() {
            return name;
        }

        /** Starts the thread on the first turn, wakes it on the others. The caller has set {@code turn}. */
        protected final void handOver() {
            if (thread == null) {
                thread = new Thread(null, this::main, threadName(name), Math.max(MIN_STACK, stackSize));
                thread.setDaemon(true);
                if (started.size() > 1024) {
                    started.removeIf(c -> c.finished);
                }
                started.add(this);
                thread.start();
            } else {
                turnGiven.signal();
            }
        }

        @Override
        public boolean dead() {
            return discarded || finished || abandoned;
        }

        @Override
        public final boolean isCurrentThread() {
            return Thread.currentThread() == thread;
        }

        /** Whether the process's thread still runs (a stopped one runs on until its next kernel call unwinds it). */
        protected final boolean threadAlive() {
            Thread t = thread;
            return t != null && t.isAlive();
        }

        /** {@code t}, a RuntimeException or an Error, thrown as it is. */
        private static RuntimeException unchecked(Throwable t) {
            if (t instanceof Error e) {
                throw e;
            }
            return (RuntimeException) t;
        }

        /** Run first on the process thread, before the body. */
        protected void beforeBody() throws Exception {
        }

        /** The process ended while holding its turn: give the turn back to the engine. */
        protected abstract void release();

        /**
         * The kernel's own handling of this process's end failed with {@code failure} (a kernel that no longer links
         * with the code beside it, an image's OS module older than the board's, say); called with the lock held, once
         * the turn is given back. The thread ends with it unless this ends more: its default handler names it.
         */
        protected void endFailed(Throwable failure) {
        }

        private void main() {
            Throwable failure = null;
            boolean exited = false;
            try {
                beforeBody();
                body.run();
            } catch (ProcessExit e) {
                exited = true;
            } catch (Throwable t) {
                failure = t;
            }
            if (failure != null) {
                // its toString() is the application's: described here, holding the core but not the kernel's lock
                try {
                    failure = ProcessFailure.of(failure);
                } catch (Throwable t) {
                    // no memory left to describe it (an OutOfMemoryError): the kernel describes it, safely
                }
            }
            // A body can end inside a kernel call with the lock taken and the kernel's finally skipped: a
            // StackOverflowError may strike right after lock() returns. The engine would wait for it forever.
            while (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            lock.lock();
            try {
                if (abandoned || !turn || shutdown) {
                    // Abandoned, unwound at shutdown, or ended by the board's close after it (a partition process
                    // the board ended with the rest): the kernel no longer waits for this thread, and its end is
                    // no failure of the process.
                    finished = true;
                    return;
                }
                Throwable endFailure = null;
                if (!exited && !discarded) {
                    try {
                        onEnd.accept(failure);
                    } catch (ProcessExit e) {
                        // the end handler stopped this very process; nothing more to do
                    } catch (RuntimeException | Error e) {
                        // the turn goes back all the same: the engine would wait for this thread forever
                        endFailure = e;
                    }
                }
                finished = true;
                release();
                if (endFailure != null) {
                    endFailed(endFailure);
                    throw unchecked(endFailure);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
