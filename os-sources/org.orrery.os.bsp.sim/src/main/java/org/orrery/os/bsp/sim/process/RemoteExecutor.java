// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.orrery.os.bsp.sim.LockstepExecutor;
import org.orrery.os.kernel.ExecutionContext;
import org.orrery.os.kernel.ProcessExecutor;

/**
 * Lockstep execution where process code lives in partition processes: each kernel-side context is a thread
 * that speaks for one remote process thread (it holds the core while the remote thread runs and serves the
 * remote thread's API calls on the kernel's side). The interleaving is the lockstep executor's, so a run is
 * as deterministic as with the applications in the kernel's JVM.
 */
final class RemoteExecutor implements ProcessExecutor {
    static final ThreadLocal<RemoteContext> CURRENT = new ThreadLocal<>();

    private final LockstepExecutor lockstep;

    RemoteExecutor(LockstepExecutor lockstep) {
        this.lockstep = lockstep;
    }

    @Override
    public ReentrantLock lock() {
        return lockstep.lock();
    }

    @Override
    public ExecutionContext create(String name, long stackSize, Runnable body, Consumer<Throwable> onEnd) {
        RemoteContext rc = new RemoteContext();
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
        private ExecutionContext delegate;
        private volatile PartitionHost.Conn conn;
        private volatile int tid = -1;

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
            delegate.discard();
            PartitionHost.Conn c = conn;
            if (c != null && tid >= 0) {
                c.unwind(tid);
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
