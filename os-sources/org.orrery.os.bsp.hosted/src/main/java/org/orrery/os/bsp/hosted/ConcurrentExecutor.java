// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;

import org.orrery.os.bsp.sim.ProcessThreads;
import org.orrery.os.kernel.Clock;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExit;

/**
 * Process threads that run beside the engine, in real time: resuming a process hands it the core and returns at
 * once; the engine then waits for the next event or for a process to give its core back or call the kernel.
 * Only the engine resumes processes, so between two events a process thread either waits for its turn or holds
 * its core; the host's scheduler never interleaves two processes of one core.
 */
final class ConcurrentExecutor extends ProcessThreads {
    /** The engine sleeps through idle stretches in slices, so a stop request is seen within one. */
    private static final long IDLE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** The context whose process the calling thread runs (null on any other thread). */
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private final Condition activity = lock().newCondition();
    private final Clock clock;
    private final Sleeper sleeper;
    private final long overrunNanos;
    private final ThreadSetup threadSetup;
    private int running;
    /** The engine sleeps in {@link #awaitActivity} with no process running (guarded by the lock). */
    private boolean idle;
    private volatile IdleSleep idleSleep;
    private volatile java.util.function.Consumer<String> stuck;
    private volatile java.util.function.IntPredicate lifted = p -> false;
    private volatile Holding holding;
    private volatile boolean processNames;

    /** How the engine sleeps when no process runs (clock_nanosleep on Linux). */
    interface Sleeper {
        void sleepUntil(long boardTimeNs);
    }

    /**
     * How the engine sleeps while no process runs when a board thread may make a process ready meanwhile (the futex
     * watchers of ports in shared memory): a {@link #ticket} taken under the lock, a sleep that ends at the deadline or
     * as soon as {@link #wake} was called after the ticket was taken.
     */
    interface IdleSleep {
        int ticket();

        void sleepUntil(long boardTimeNs, int ticket);

        void wake();
    }

    /** Sleeps through idle stretches with {@code sleep}, which {@link #callMade} ends early. */
    void idleSleep(IdleSleep sleep) {
        this.idleSleep = sleep;
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
    public boolean concurrent() {
        return true;
    }

    @Override
    public long overrunNanos() {
        return overrunNanos;
    }

    @Override
    public long overrunNanos(int partition) {
        return lifted.test(partition) ? Long.MAX_VALUE : overrunNanos;
    }

    /**
     * A partition's own kernel: what ends its process when a stopped process's thread runs on in its own code beyond
     * the guard (a Java thread cannot be stopped from outside; the board then starts the partition anew).
     */
    void onStuck(java.util.function.Consumer<String> stuck) {
        this.stuck = stuck;
    }

    /**
     * Names each process's thread after its process alone, as the partition runtime does: in a partition's own JVM
     * that is the name a debugger shows.
     */
    void threadsNamedByProcess() {
        processNames = true;
    }

    @Override
    protected String threadName(String context) {
        return processNames ? context.substring(context.indexOf('/') + 1) : super.threadName(context);
    }

    /** Which process holds a core: told under the kernel's lock, by its context's name ("partition/process"). */
    interface Holding {
        void holds(String context);

        void released(String context);
    }

    /** Tells {@code holding} every turn given and given up from now on. */
    void holding(Holding holding) {
        this.holding = holding;
    }

    /** Partitions for which no overrun is counted while {@code lifted} says so (a debugger holds their threads). */
    void liftOverrunWhile(java.util.function.IntPredicate lifted) {
        this.lifted = lifted;
    }

    @Override
    public void callMade() {
        activity.signal();
        IdleSleep s = idleSleep;
        if (idle && s != null) {
            s.wake();
        }
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
            IdleSleep s = idleSleep;
            int ticket = s == null ? 0 : s.ticket();
            idle = true;
            lock().unlock();
            try {
                if (s == null) {
                    sleeper.sleepUntil(wake);
                } else {
                    s.sleepUntil(wake, ticket);
                }
            } finally {
                lock().lock();
                idle = false;
            }
            return;
        }
        try {
            activity.awaitNanos(untilNs - now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the kernel stopped or gave up the process the calling thread runs, which goes on in its own code until
     * its next kernel call unwinds it (false on a thread that runs no process).
     */
    static boolean callerStopped() {
        Context c = CURRENT.get();
        if (c == null) {
            return false;
        }
        return c.stoppedHere();
    }

    @Override
    public ExecutionContext create(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
        return new Context(name, stackSize, body, onEnd);
    }

    private final class Context extends Turn {
        /** {@code discarded || abandoned}, for the process's own thread to read without the lock. */
        private volatile boolean stopped;

        Context(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
            super(name, stackSize, body, onEnd);
        }

        @Override
        public boolean resume() {
            if (dead() || isShutdown() || turn) {
                return true;
            }
            turn = true;
            running++;
            Holding h = holding;
            if (h != null) {
                h.holds(name());
            }
            handOver();
            return true;
        }

        @Override
        public void yieldCore() {
            release();
            while (!turn && !isShutdown() && !discarded && !abandoned) {
                turnGiven.awaitUninterruptibly();
            }
            if (!turn) {
                throw new ProcessExit();
            }
        }

        @Override
        public ProcessExit exit() {
            discarded = true;
            release();
            throw new ProcessExit();
        }

        @Override
        public void discard() {
            boolean midCode = turn && !isCurrentThread();
            discarded = true;
            stopped = true;
            release();
            turnGiven.signal();
            java.util.function.Consumer<String> s = stuck;
            if (midCode && s != null) {
                // its thread unwinds at its next kernel call; one that makes none within the guard is stopped the
                // only way there is, with its process
                Thread.ofVirtual().name("orrery-unwind-guard").start(() -> {
                    try {
                        TimeUnit.NANOSECONDS.sleep(overrunNanos);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (threadAlive() && !isShutdown()) {
                        s.accept("a stopped process ran its own code for " + TimeUnit.NANOSECONDS.toMillis(overrunNanos)
                                + " ms more without a call that would unwind it; its partition process was killed");
                    }
                });
            }
        }

        /** In a partition's own JVM the partition cannot go on without its kernel: it ends, saying why. */
        @Override
        protected void endFailed(Throwable failure) {
            java.util.function.Consumer<String> s = stuck;
            if (s != null) {
                s.accept("the kernel failed at the end of process " + name() + ": " + failure
                        + " (an image built by another version of Orrery needs rebuilding)");
            }
        }

        @Override
        public void abandon() {
            abandoned = true;
            stopped = true;
            release();
            turnGiven.signal();
        }

        /**
         * Whether the kernel discarded or abandoned this process: read without the kernel's lock, since a port call of
         * the process's own thread asks it at every call.
         */
        boolean stoppedHere() {
            return stopped;
        }

        @Override
        public boolean running() {
            return turn && !dead();
        }

        @Override
        protected void beforeBody() throws Exception {
            CURRENT.set(this);
            threadSetup.run();
        }

        @Override
        protected void release() {
            if (turn) {
                turn = false;
                running--;
                Holding h = holding;
                if (h != null) {
                    h.released(name());
                }
                activity.signal();
            }
        }
    }
}
