// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.Event;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.api.Semaphore;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.trace.TraceEventType;

/**
 * The {@link Partition} services of one partition: lifecycle, processes, time, health monitoring, plans
 * and output. Every call follows the {@link CallGate} discipline; port and object creation lives in
 * {@link PartitionObjects}.
 */
final class PartitionApi implements Partition {
    private final CallGate gate;
    private final Module m;
    private final PartitionRt part;
    private final PartitionObjects objects;

    PartitionApi(CallGate gate) {
        this.gate = gate;
        this.m = gate.m;
        this.part = gate.part;
        this.objects = new PartitionObjects(gate);
        for (Proc p : part.all) {
            p.handle = new ProcessHandle(gate, p);
        }
    }

    // ---- partition

    @Override
    public String name() {
        return part.name();
    }

    @Override
    public PartitionMode mode() {
        gate.enter();
        try {
            return part.mode;
        } finally {
            gate.leave();
        }
    }

    @Override
    public void setMode(PartitionMode mode) {
        Proc c = gate.enter();
        try {
            if (mode == null) {
                throw gate.refuse(c, "null mode");
            }
            if (mode == PartitionMode.NORMAL) {
                gate.requireInit(c, "setMode(NORMAL)");
                m.lifecycle.enterNormal(part);
                m.control.stop(c);
            } else if (mode == PartitionMode.IDLE) {
                m.lifecycle.idle(part);
            } else {
                m.lifecycle.restart(part, mode);
            }
            gate.exitIfDead(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public long now() {
        gate.enter();
        try {
            return m.now;
        } finally {
            gate.leave();
        }
    }

    // ---- processes

    Proc resolve(Proc c, ProcessRef ref) {
        if (ref == null || ref.index() < 0 || ref.index() >= part.procs.length
                || !part.procs[ref.index()].name().equals(ref.name())) {
            throw gate.refuse(c, "no process " + ref + " in partition " + part.name());
        }
        return part.procs[ref.index()];
    }

    @Override
    public PartitionProcess createProcess(ProcessRef ref, Runnable body) {
        Proc c = gate.enter();
        try {
            gate.requireInit(c, "createProcess");
            Proc p = resolve(c, ref);
            if (body == null) {
                throw gate.refuse(c, "null process body");
            }
            if (p.created) {
                throw gate.refuse(c, "process " + ref.name() + " already created");
            }
            p.created = true;
            p.body = body;
            return p.handle;
        } finally {
            gate.leave();
        }
    }

    @Override
    public PartitionProcess process(ProcessRef ref) {
        Proc c = gate.enter();
        try {
            Proc p = resolve(c, ref);
            if (!p.created) {
                throw gate.refuse(c, "process " + ref.name() + " was not created");
            }
            return p.handle;
        } finally {
            gate.leave();
        }
    }

    @Override
    public PartitionProcess currentProcess() {
        Proc c = gate.enter();
        try {
            return c.index == Proc.INIT ? null : c.handle;
        } finally {
            gate.leave();
        }
    }

    @Override
    public void periodicWait() {
        Proc c = gate.enter();
        try {
            if (c.index < 0 || !c.periodic) {
                throw gate.refuse(c, "periodicWait by a process that is not periodic");
            }
            c.deadlineAbs = Proc.NEVER;
            c.waitKind = Proc.Wait.RELEASE;
            c.wakeAt = c.release + c.period;
            m.control.yieldCore(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void timedWait(long delayNs) {
        Proc c = gate.enter();
        try {
            if (delayNs < 0 || c.index == Proc.INIT) {
                throw gate.refuse(c, c.index == Proc.INIT ? "timedWait during initialisation" : "negative delay");
            }
            if (delayNs == 0) {
                c.readySeq = m.nextSeq();
                m.control.preemptIfNeeded(c);
                return;
            }
            c.waitKind = Proc.Wait.DELAY;
            c.wakeAt = gate.deadline(delayNs);
            m.control.yieldCore(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void compute(long ns) {
        Proc c = gate.enter();
        try {
            if (ns < 0) {
                throw gate.refuse(c, "negative compute time");
            }
            if (ns > 0) {
                if (ProcessControl.roundRobin(c) && c.sliceLeft <= 0) {
                    c.readySeq = m.nextSeq();
                    c.sliceLeft = part.config.timeSliceNs();
                }
                c.remaining = ns;
                c.callCtx.yieldCore();
            }
        } finally {
            gate.leave();
        }
    }

    @Override
    public void replenish(long budgetNs) {
        Proc c = gate.enter();
        try {
            if (budgetNs < 0 || c.index < 0) {
                throw gate.refuse(c, "replenish needs a process and a budget >= 0");
            }
            long d = gate.deadline(budgetNs);
            if (c.periodic && d > c.release + c.period) {
                throw gate.refuse(c, "replenish beyond the next release");
            }
            c.deadlineAbs = d;
            // Under EDF the deadline is the caller's urgency: a later one may hand the core to another process.
            m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }

    // ---- ports and intra-partition objects

    @Override
    public SamplingPort createSamplingPort(SamplingPortRef ref) {
        return objects.samplingPort(ref);
    }

    @Override
    public QueuingPort createQueuingPort(QueuingPortRef ref) {
        return objects.queuingPort(ref);
    }

    @Override
    public Buffer createBuffer(String name, int maxMessageSize, int depth, QueuingDiscipline discipline) {
        return objects.buffer(name, maxMessageSize, depth, discipline);
    }

    @Override
    public Blackboard createBlackboard(String name, int maxMessageSize) {
        return objects.blackboard(name, maxMessageSize);
    }

    @Override
    public Semaphore createSemaphore(String name, int initial, int max, QueuingDiscipline discipline) {
        return objects.semaphore(name, initial, max, discipline);
    }

    @Override
    public Event createEvent(String name) {
        return objects.event(name);
    }

    // ---- health monitoring, watchdog, plans

    @Override
    public void raiseError(ErrorCode code, String message) {
        Proc c = gate.enter();
        try {
            if (code == null) {
                throw gate.refuse(c, "null error code");
            }
            m.hm.report(part, c, code, message == null ? "" : message, true);
            gate.afterReport(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public PartitionProcess createErrorHandler(Runnable body) {
        Proc c = gate.enter();
        try {
            gate.requireInit(c, "createErrorHandler");
            if (body == null || part.handler.created) {
                throw gate.refuse(c, body == null ? "null error handler" : "error handler already created");
            }
            part.handler.created = true;
            part.handler.body = body;
            return part.handler.handle;
        } finally {
            gate.leave();
        }
    }

    @Override
    public ErrorStatus errorStatus() {
        gate.enter();
        try {
            return part.errorStatus;
        } finally {
            gate.leave();
        }
    }

    @Override
    public void kickWatchdog() {
        gate.enter();
        try {
            m.watchdogs.kick(part);
        } finally {
            gate.leave();
        }
    }

    @Override
    public boolean requestPlanSwitch(PlanRef plan) {
        Proc c = gate.enter();
        try {
            if (plan == null || plan.index() < 0 || plan.index() >= m.config.plans().size()
                    || !m.config.plans().get(plan.index()).name().equals(plan.name())) {
                throw gate.refuse(c, "no plan " + plan);
            }
            String current = m.config.plans().get(m.targetPlan).name();
            for (PlanSwitchRule r : m.config.planSwitchRules()) {
                if (r.partition().equals(part.name()) && r.toPlan().equals(plan.name())
                        && (r.fromPlan().isEmpty() || r.fromPlan().equals(current))) {
                    m.requestPlan(plan.index());
                    return true;
                }
            }
            return false;
        } finally {
            gate.leave();
        }
    }

    // ---- output

    @Override
    public void log(String line) {
        gate.enter();
        try {
            String text = part.console.admit(line, m.now);
            if (text != null) {
                m.print(part.name(), text);
            }
        } finally {
            gate.leave();
        }
    }

    @Override
    public void traceEvent(int eventId, long value) {
        gate.enter();
        try {
            m.trace(part.traceCore(), TraceEventType.USER_EVENT, part.index, eventId, value);
        } finally {
            gate.leave();
        }
    }
}
