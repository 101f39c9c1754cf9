// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExecutor;

/**
 * Execution where process code lives in partition processes: each kernel-side context is a thread that speaks
 * for one remote process thread (it holds the core while the remote thread runs and serves the remote thread's
 * API calls on the kernel's side). The interleaving is the wrapped executor's: lockstep on the simulated board,
 * so a run is as deterministic as with the applications in the kernel's JVM.
 */
final class RemoteExecutor implements ProcessExecutor {
    static final ThreadLocal<RemoteContext> CURRENT = new ThreadLocal<>();

    private final ProcessExecutor lockstep;

    RemoteExecutor(ProcessExecutor executor) {
        this.lockstep = executor;
    }

    @Override
    public ReentrantLock lock() {
        return lockstep.lock();
    }

    @Override
    public boolean concurrent() {
        return lockstep.concurrent();
    }

    @Override
    public void awaitActivity(long untilNs) {
        lockstep.awaitActivity(untilNs);
    }

    @Override
    public void callMade() {
        lockstep.callMade();
    }

    @Override
    public long overrunNanos() {
        return lockstep.overrunNanos();
    }

    @Override
    public long overrunNanos(int partition) {
        return lockstep.overrunNanos(partition);
    }

    @Override
    public ExecutionContext create(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
        RemoteContext rc = new RemoteContext(lockstep.overrunNanos());
        // The kernel-side thread only runs kernel code: the process's configured stack is the remote thread's.
        Runnable run = body instanceof RemoteBody rb ? () -> rb.host().runBody(rc, rb, stackSize, name) : body;
        rc.delegate = lockstep.create(name, 0, () -> {
            CURRENT.set(rc);
            run.run();
        }, onEnd);
        return rc;
    }

    @Override
    public void shutdown() {
        lockstep.shutdown();
    }

    /** A lockstep context bound to the remote thread it speaks for (once the partition process runs it). */
    static final class RemoteContext implements ExecutionContext {
        private final long guardNanos;
        private ExecutionContext delegate;
        private volatile PartitionHost.Conn conn;
        private volatile int tid = -1;

        RemoteContext(long guardNanos) {
            this.guardNanos = guardNanos;
        }

        void bind(PartitionHost.Conn c, int remoteTid) {
            this.conn = c;
            this.tid = remoteTid;
        }

        int tid() {
            return tid;
        }

        @Override
        public boolean resume() {
            boolean ok = delegate.resume();
            PartitionHost.Conn c = conn;
            if (!ok && c != null) {
                // A thread cannot be stopped from outside in Java; its process can.
                c.kill("a process kept the core beyond the board's guard time; its partition process was killed");
            }
            return ok;
        }

        @Override
        public void yieldCore() {
            delegate.yieldCore();
        }

        @Override
        public org.orrery.os.kernel.ProcessExit exit() {
            return delegate.exit();
        }

        @Override
        public void discard() {
            // Stopped from outside while its remote thread runs its own code (a concurrent board): the thread is told
            // to unwind and does at its next call; the partition process goes only if that call does not come.
            boolean midCode = delegate.running() && !delegate.isCurrentThread();
            delegate.discard();
            PartitionHost.Conn c = conn;
            if (c != null && tid >= 0 && midCode) {
                c.unwindRunning(tid, guardNanos);
            } else if (c != null && tid >= 0) {
                c.unwind(tid);
            }
        }

        @Override
        public boolean running() {
            return delegate.running();
        }

        @Override
        public void abandon() {
            delegate.abandon();
            PartitionHost.Conn c = conn;
            if (c != null) {
                c.kill("a process ran its own code beyond the board's allowance; its partition process was killed");
            }
        }

        @Override
        public boolean dead() {
            return delegate.dead();
        }

        @Override
        public boolean isCurrentThread() {
            return delegate.isCurrentThread();
        }

        @Override
        public boolean partitionLost() {
            PartitionHost.Conn c = conn;
            return c != null && c.lost();
        }
    }
}
