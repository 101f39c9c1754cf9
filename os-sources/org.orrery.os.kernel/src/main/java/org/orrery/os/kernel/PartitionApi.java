// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.Event;
import org.orrery.os.api.IllegalRequestException;
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
import org.orrery.os.config.Limits;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortKind;
import org.orrery.os.trace.TraceEventType;

/**
 * The {@link Partition} services of one partition. Each call takes the kernel lock, identifies the
 * caller (a call from a thread that does not hold the core unwinds with {@link ProcessExit}), validates
 * everything, and only then acts (check-then-act). A refused call goes to the health monitor as
 * ILLEGAL_REQUEST and throws {@link IllegalRequestException} if the caller survives the monitor's action.
 */
final class PartitionApi implements Partition {
    final Module m;
    final PartitionRt part;

    PartitionApi(Module m, PartitionRt part) {
        this.m = m;
        this.part = part;
        for (Proc p : part.all) {
            p.handle = new ProcessHandle(this, p);
        }
    }

    // ---- call discipline shared with the handles

    Proc enter() {
        m.lock.lock();
        Proc c = m.current;
        ExecutionContext ctx = m.currentCtx;
        if (c == null || ctx == null || ctx.dead() || !ctx.isCurrentThread()) {
            m.lock.unlock();
            throw new ProcessExit();
        }
        if (c.part != part) {
            RuntimeException e = refuse(c, ErrorCode.MEMORY_VIOLATION, "used the services of partition " + part.name());
            m.lock.unlock();
            throw e;
        }
        return c;
    }

    void leave() {
        m.lock.unlock();
    }

    RuntimeException refuse(Proc c, String message) {
        return refuse(c, ErrorCode.ILLEGAL_REQUEST, message);
    }

    private RuntimeException refuse(Proc c, ErrorCode code, String message) {
        m.hm.report(c.part, c, code, message);
        if (m.currentCtx.dead()) {
            throw m.currentCtx.exit();
        }
        return new IllegalRequestException(message);
    }

    /** After an action that may have stopped the caller (its own restart, idle, stop). */
    void exitIfDead() {
        if (m.currentCtx.dead()) {
            throw m.currentCtx.exit();
        }
    }

    void requireInit(Proc c, String what) {
        if (c.index != Proc.INIT || !part.initialising()) {
            throw refuse(c, what + " is only allowed during initialisation");
        }
    }

    void checkTimeout(Proc c, long timeoutNs) {
        if (timeoutNs < 0) {
            throw refuse(c, "negative timeout " + timeoutNs);
        }
        if (timeoutNs > 0 && c.index == Proc.INIT) {
            throw refuse(c, "cannot block during initialisation");
        }
    }

    long deadline(long timeoutNs) {
        long d = m.now + timeoutNs;
        return timeoutNs == INFINITE || d < 0 ? Proc.NEVER : d;
    }

    void checkMessage(Proc c, byte[] data, int length, long max) {
        if (data == null) {
            throw refuse(c, "null message");
        }
        if (length < 1 || length > max || length > data.length) {
            throw refuse(c, "message length " + length + " outside 1.." + Math.min(max, data.length));
        }
    }

    // ---- partition

    @Override
    public String name() {
        return part.name();
    }

    @Override
    public PartitionMode mode() {
        enter();
        try {
            return part.mode;
        } finally {
            leave();
        }
    }

    @Override
    public void setMode(PartitionMode mode) {
        Proc c = enter();
        try {
            if (mode == null) {
                throw refuse(c, "null mode");
            }
            if (mode == PartitionMode.NORMAL) {
                requireInit(c, "setMode(NORMAL)");
                m.lifecycle.enterNormal(part);
                m.control.stop(c);
            } else if (mode == PartitionMode.IDLE) {
                m.lifecycle.idle(part);
            } else {
                m.lifecycle.restart(part, mode);
            }
            exitIfDead();
        } finally {
            leave();
        }
    }

    @Override
    public long now() {
        enter();
        try {
            return m.now;
        } finally {
            leave();
        }
    }

    // ---- processes

    Proc resolve(Proc c, ProcessRef ref) {
        if (ref == null || ref.index() < 0 || ref.index() >= part.procs.length
                || !part.procs[ref.index()].name().equals(ref.name())) {
            throw refuse(c, "no process " + ref + " in partition " + part.name());
        }
        return part.procs[ref.index()];
    }

    @Override
    public PartitionProcess createProcess(ProcessRef ref, Runnable body) {
        Proc c = enter();
        try {
            requireInit(c, "createProcess");
            Proc p = resolve(c, ref);
            if (body == null) {
                throw refuse(c, "null process body");
            }
            if (p.created) {
                throw refuse(c, "process " + ref.name() + " already created");
            }
            p.created = true;
            p.body = body;
            return p.handle;
        } finally {
            leave();
        }
    }

    @Override
    public PartitionProcess process(ProcessRef ref) {
        Proc c = enter();
        try {
            Proc p = resolve(c, ref);
            if (!p.created) {
                throw refuse(c, "process " + ref.name() + " was not created");
            }
            return p.handle;
        } finally {
            leave();
        }
    }

    @Override
    public PartitionProcess currentProcess() {
        Proc c = enter();
        try {
            return c.index == Proc.INIT ? null : c.handle;
        } finally {
            leave();
        }
    }

    @Override
    public void periodicWait() {
        Proc c = enter();
        try {
            if (c.index < 0 || !c.periodic) {
                throw refuse(c, "periodicWait by a process that is not periodic");
            }
            c.deadlineAbs = Proc.NEVER;
            c.waitKind = Proc.Wait.RELEASE;
            c.wakeAt = c.release + c.period;
            m.control.yieldCore(c);
        } finally {
            leave();
        }
    }

    @Override
    public void timedWait(long delayNs) {
        Proc c = enter();
        try {
            if (delayNs < 0 || c.index == Proc.INIT) {
                throw refuse(c, c.index == Proc.INIT ? "timedWait during initialisation" : "negative delay");
            }
            if (delayNs == 0) {
                c.readySeq = m.nextSeq();
                m.control.preemptIfNeeded(c);
                return;
            }
            c.waitKind = Proc.Wait.DELAY;
            c.wakeAt = deadline(delayNs);
            m.control.yieldCore(c);
        } finally {
            leave();
        }
    }

    @Override
    public void compute(long ns) {
        Proc c = enter();
        try {
            if (ns < 0) {
                throw refuse(c, "negative compute time");
            }
            if (ns > 0) {
                if (ProcessControl.roundRobin(c) && c.sliceLeft <= 0) {
                    c.readySeq = m.nextSeq();
                    c.sliceLeft = part.config.timeSliceNs();
                }
                c.remaining = ns;
                m.currentCtx.yieldCore();
            }
        } finally {
            leave();
        }
    }

    @Override
    public void replenish(long budgetNs) {
        Proc c = enter();
        try {
            if (budgetNs < 0 || c.index < 0) {
                throw refuse(c, "replenish needs a process and a budget >= 0");
            }
            long d = deadline(budgetNs);
            if (c.periodic && d > c.release + c.period) {
                throw refuse(c, "replenish beyond the next release");
            }
            c.deadlineAbs = d;
        } finally {
            leave();
        }
    }

    // ---- ports

    @Override
    public SamplingPort createSamplingPort(SamplingPortRef ref) {
        Proc c = enter();
        try {
            int i = ref == null ? -1 : ref.index();
            Object h = createPort(c, i, ref == null ? null : ref.name(), PortKind.SAMPLING);
            return (SamplingPort) h;
        } finally {
            leave();
        }
    }

    @Override
    public QueuingPort createQueuingPort(QueuingPortRef ref) {
        Proc c = enter();
        try {
            int i = ref == null ? -1 : ref.index();
            return (QueuingPort) createPort(c, i, ref == null ? null : ref.name(), PortKind.QUEUING);
        } finally {
            leave();
        }
    }

    private Object createPort(Proc c, int i, String name, PortKind kind) {
        requireInit(c, "creating a port");
        if (i < 0 || i >= part.portHandles.length || !part.config.ports().get(i).name().equals(name)
                || part.config.ports().get(i).kind() != kind) {
            throw refuse(c, "no " + kind + " port " + name + "#" + i + " in partition " + part.name());
        }
        if (part.portCreated[i]) {
            throw refuse(c, "port " + name + " already created");
        }
        part.portCreated[i] = true;
        return part.portHandles[i];
    }

    // ---- intra-partition objects

    private void checkObject(Proc c, String name, long size, long depth) {
        requireInit(c, "creating " + name);
        if (name == null || size < 1 || size > Limits.MAX_MESSAGE_SIZE || depth < 1 || depth > Limits.MAX_QUEUE_DEPTH) {
            throw refuse(c, "invalid attributes for " + name);
        }
    }

    @Override
    public Buffer createBuffer(String name, int maxMessageSize, int depth, QueuingDiscipline discipline) {
        Proc c = enter();
        try {
            checkObject(c, name, maxMessageSize, depth);
            if (discipline == null) {
                throw refuse(c, "null queuing discipline");
            }
            return add(new BufferObj(this, name, maxMessageSize, depth, discipline));
        } finally {
            leave();
        }
    }

    @Override
    public Blackboard createBlackboard(String name, int maxMessageSize) {
        Proc c = enter();
        try {
            checkObject(c, name, maxMessageSize, 1);
            return add(new BlackboardObj(this, name, maxMessageSize));
        } finally {
            leave();
        }
    }

    @Override
    public Semaphore createSemaphore(String name, int initial, int max, QueuingDiscipline discipline) {
        Proc c = enter();
        try {
            checkObject(c, name, 1, 1);
            if (max < 1 || initial < 0 || initial > max || discipline == null) {
                throw refuse(c, "invalid semaphore " + name + " (" + initial + "/" + max + ")");
            }
            return add(new SemaphoreObj(this, name, initial, max, discipline));
        } finally {
            leave();
        }
    }

    @Override
    public Event createEvent(String name) {
        Proc c = enter();
        try {
            checkObject(c, name, 1, 1);
            return add(new EventObj(this, name));
        } finally {
            leave();
        }
    }

    private <T extends IntraObject> T add(T object) {
        part.objects.add(object);
        return object;
    }

    // ---- health monitoring, watchdog, plans

    @Override
    public void raiseError(ErrorCode code, String message) {
        Proc c = enter();
        try {
            if (code == null) {
                throw refuse(c, "null error code");
            }
            m.hm.report(part, c, code, message == null ? "" : message);
            exitIfDead();
        } finally {
            leave();
        }
    }

    @Override
    public PartitionProcess createErrorHandler(Runnable body) {
        Proc c = enter();
        try {
            requireInit(c, "createErrorHandler");
            if (body == null || part.handler.created) {
                throw refuse(c, body == null ? "null error handler" : "error handler already created");
            }
            part.handler.created = true;
            part.handler.body = body;
            return part.handler.handle;
        } finally {
            leave();
        }
    }

    @Override
    public ErrorStatus errorStatus() {
        enter();
        try {
            return part.errorStatus;
        } finally {
            leave();
        }
    }

    @Override
    public void kickWatchdog() {
        enter();
        try {
            m.watchdogs.kick(part);
        } finally {
            leave();
        }
    }

    @Override
    public boolean requestPlanSwitch(PlanRef plan) {
        Proc c = enter();
        try {
            if (plan == null || plan.index() < 0 || plan.index() >= m.config.plans().size()
                    || !m.config.plans().get(plan.index()).name().equals(plan.name())) {
                throw refuse(c, "no plan " + plan);
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
            leave();
        }
    }

    // ---- output

    @Override
    public void log(String line) {
        enter();
        try {
            m.print(part.name(), String.valueOf(line));
        } finally {
            leave();
        }
    }

    @Override
    public void traceEvent(int eventId, long value) {
        enter();
        try {
            m.trace(part.traceCore(), TraceEventType.USER_EVENT, part.index, eventId, value);
        } finally {
            leave();
        }
    }
}
