// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.orrery.os.kernel.Clock;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExecutor;
import org.orrery.os.kernel.ProcessExit;

/**
 * Process threads that run beside the engine, in real time: resuming a process hands it the core and returns at
 * once; the engine then waits for the next event or for a process to give its core back or call the kernel.
 * Only the engine resumes processes, so between two events a process thread either waits for its turn or holds
 * its core; the host's scheduler never interleaves two processes of one core.
 */
final class ConcurrentExecutor implements ProcessExecutor {
    private static final long MIN_STACK = 512 * 1024;
    /** The engine sleeps through idle stretches in slices, so a stop request is seen within one. */
    private static final long IDLE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition activity = lock.newCondition();
    private final Clock clock;
    private final Sleeper sleeper;
    private final long overrunNanos;
    private final List<Context> started = new ArrayList<>();
    private int running;
    private boolean shutdown;

    private final ThreadSetup threadSetup;

    /** How the engine sleeps when no process runs (clock_nanosleep on Linux). */
    interface Sleeper {
        void sleepUntil(long boardTimeNs);
    }

    /** Run first on every process thread (the hosted board gives it its real-time priority). */
    interface ThreadSetup {
        void run() throws Exception;
    }

    ConcurrentExecutor(Clock clock, Sleeper sleeper, long overrunNanos, ThreadSetup threadSetup) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.overrunNanos = overrunNanos;
        this.threadSetup = threadSetup;
    }

    @Override
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public long overrunNanos() {
        return overrunNanos;
    }

    @Override
    public void callMade() {
        activity.signal();
    }

    @Override
    public void awaitActivity(long untilNs) {
        long now = clock.now();
        if (now >= untilNs) {
            return;
        }
        if (running == 0) {
            // No process holds a core, so none can call: sleep on the board's clock with the lock free for the
            // board's own threads (a partition process that dies is noticed by its host thread).
            long wake = Math.min(untilNs, now + IDLE_SLICE_NANOS);
            lock.unlock();
            try {
                sleeper.sleepUntil(wake);
            } finally {
                lock.lock();
            }
            return;
        }
        try {
            activity.awaitNanos(untilNs - now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

        Context(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
            this.name = name;
            this.stackSize = stackSize;
            this.body = body;
            this.onEnd = onEnd;
        }

        @Override
        public boolean resume() {
            if (dead() || shutdown || turn) {
                return true;
            }
            take();
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
            return true;
        }

        @Override
        public void yieldCore() {
            give();
            while (!turn && !shutdown && !discarded && !abandoned) {
                turnGiven.awaitUninterruptibly();
            }
            if (!turn) {
                throw new ProcessExit();
            }
        }

        @Override
        public ProcessExit exit() {
            discarded = true;
            give();
            throw new ProcessExit();
        }

        @Override
        public void discard() {
            discarded = true;
            give();
            turnGiven.signal();
        }

        @Override
        public void abandon() {
            abandoned = true;
            give();
            turnGiven.signal();
        }

        @Override
        public boolean dead() {
            return discarded || finished || abandoned;
        }

        @Override
        public boolean running() {
            return turn && !dead();
        }

        @Override
        public boolean isCurrentThread() {
            return Thread.currentThread() == thread;
        }

        private void take() {
            turn = true;
            running++;
        }

        private void give() {
            if (turn) {
                turn = false;
                running--;
                activity.signal();
            }
        }

        private void main() {
            Throwable failure = null;
            boolean exited = false;
            try {
                threadSetup.run();
                body.run();
            } catch (ProcessExit e) {
                exited = true;
            } catch (Throwable t) {
                failure = t;
            }
            // A body can end inside a kernel call with the lock taken and the kernel's finally skipped.
            while (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            lock.lock();
            try {
                if (abandoned || !turn) {
                    finished = true;
                    give();
                    return;
                }
                if (!exited && !discarded) {
                    try {
                        onEnd.accept(failure);
                    } catch (ProcessExit e) {
                        // the end handler stopped this very process
                    }
                }
                finished = true;
                give();
            } finally {
                lock.unlock();
            }
        }
    }
}
