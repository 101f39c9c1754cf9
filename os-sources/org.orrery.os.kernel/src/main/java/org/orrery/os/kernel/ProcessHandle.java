// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.Limits;

/** The application's handle on a process (one per process control block, allocated at boot). */
final class ProcessHandle implements PartitionProcess {
    private final PartitionApi api;
    private final Proc p;

    ProcessHandle(PartitionApi api, Proc p) {
        this.api = api;
        this.p = p;
    }

    @Override
    public ProcessRef ref() {
        return p.ref;
    }

    @Override
    public ProcessState state() {
        api.enter();
        try {
            return p.state;
        } finally {
            api.leave();
        }
    }

    @Override
    public int priority() {
        api.enter();
        try {
            return p.priority;
        } finally {
            api.leave();
        }
    }

    @Override
    public long deadline() {
        api.enter();
        try {
            return p.deadlineAbs;
        } finally {
            api.leave();
        }
    }

    private void requireCreated(Proc c) {
        if (!p.created) {
            throw api.refuse(c, "process " + p.name() + " was not created");
        }
    }

    @Override
    public void start() {
        Proc c = api.enter();
        try {
            requireCreated(c);
            if (p.started || p.index == Proc.HANDLER) {
                throw api.refuse(c, p.started ? "process " + p.name() + " is not DORMANT"
                        : "the error handler is started by the health monitor");
            }
            api.m.control.start(p);
            api.m.control.preemptIfNeeded(c);
        } finally {
            api.leave();
        }
    }

    @Override
    public void stop() {
        Proc c = api.enter();
        try {
            requireCreated(c);
            if (!p.started) {
                throw api.refuse(c, "process " + p.name() + " is DORMANT");
            }
            api.m.control.stop(p);
            api.exitIfDead();
        } finally {
            api.leave();
        }
    }

    @Override
    public void suspend() {
        Proc c = api.enter();
        try {
            requireCreated(c);
            if (!p.started || p.suspended || p.periodic || p.index < 0) {
                throw api.refuse(c, "process " + p.name() + " cannot be suspended (dormant, suspended, periodic "
                        + "or a system process)");
            }
            p.suspended = true;
            if (p == c) {
                api.m.control.yieldCore(c);
            } else {
                api.m.control.refresh(p);
            }
        } finally {
            api.leave();
        }
    }

    @Override
    public void resume() {
        Proc c = api.enter();
        try {
            requireCreated(c);
            if (!p.started || !p.suspended) {
                throw api.refuse(c, "process " + p.name() + " is not suspended");
            }
            p.suspended = false;
            p.readySeq = api.m.nextSeq();
            api.m.control.refresh(p);
            api.m.control.preemptIfNeeded(c);
        } finally {
            api.leave();
        }
    }

    @Override
    public void setPriority(int priority) {
        Proc c = api.enter();
        try {
            requireCreated(c);
            if (!p.started || priority < Limits.MIN_PRIORITY || priority > Limits.MAX_PRIORITY) {
                throw api.refuse(c, "priority " + priority + " for " + p.name() + " (must be started, "
                        + Limits.MIN_PRIORITY + ".." + Limits.MAX_PRIORITY + ")");
            }
            p.priority = priority;
            p.readySeq = api.m.nextSeq();
            api.m.control.preemptIfNeeded(c);
        } finally {
            api.leave();
        }
    }
}
