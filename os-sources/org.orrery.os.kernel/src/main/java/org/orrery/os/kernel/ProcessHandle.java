// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.Limits;

/** The application's handle on a process (one per process control block, allocated at boot). */
final class ProcessHandle implements PartitionProcess {
    private final CallGate gate;
    private final Proc p;

    ProcessHandle(CallGate gate, Proc p) {
        this.gate = gate;
        this.p = p;
    }

    @Override
    public ProcessRef ref() {
        return p.ref;
    }

    @Override
    public ProcessState state() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            return p.state;
        } finally {
            gate.leave();
        }
    }

    @Override
    public int priority() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            return p.priority;
        } finally {
            gate.leave();
        }
    }

    @Override
    public long deadline() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            return p.deadlineAbs;
        } finally {
            gate.leave();
        }
    }

    private void requireCreated(Proc c) {
        if (!p.created) {
            throw gate.refuse(c, "process " + p.name() + " was not created");
        }
    }

    @Override
    public void start() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            if (p.started || p.index == Proc.HANDLER) {
                throw gate.refuse(c, p.started ? "process " + p.name() + " is not DORMANT"
                        : "the error handler is started by the health monitor");
            }
            gate.m.control.start(p);
            gate.m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void stop() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            if (!p.started) {
                throw gate.refuse(c, "process " + p.name() + " is DORMANT");
            }
            gate.m.control.stop(p);
            gate.exitIfDead(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void suspend() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            if (!p.started || p.suspended || p.periodic || p.index < 0) {
                throw gate.refuse(c, "process " + p.name() + " cannot be suspended (dormant, suspended, periodic "
                        + "or a system process)");
            }
            p.suspended = true;
            if (p == c) {
                gate.m.control.yieldCore(c);
            } else {
                gate.m.control.refresh(p);
            }
        } finally {
            gate.leave();
        }
    }

    @Override
    public void resume() {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            if (!p.started || !p.suspended) {
                throw gate.refuse(c, "process " + p.name() + " is not suspended");
            }
            p.suspended = false;
            p.readySeq = gate.m.nextSeq();
            gate.m.control.refresh(p);
            gate.m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void setPriority(int priority) {
        Proc c = gate.enter();
        try {
            requireCreated(c);
            if (!p.started || priority < Limits.MIN_PRIORITY || priority > Limits.MAX_PRIORITY) {
                throw gate.refuse(c, "priority " + priority + " for " + p.name() + " (must be started, "
                        + Limits.MIN_PRIORITY + ".." + Limits.MAX_PRIORITY + ")");
            }
            p.priority = priority;
            p.readySeq = gate.m.nextSeq();
            gate.m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }
}
