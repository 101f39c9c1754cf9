// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Event;
import org.orrery.os.api.QueuingDiscipline;

/** Intra-partition event. */
final class EventObj extends IntraObject implements Event {
    private final WaitQueue waiters;
    private boolean up;

    EventObj(PartitionApi api, String name) {
        super(api, name);
        this.waiters = new WaitQueue(api.part.all.length, QueuingDiscipline.FIFO);
    }

    private Proc enter(long timeoutNs) {
        Proc c = api.enter();
        try {
            if (generation != api.part.generation) {
                throw api.refuse(c, "event " + name + " belongs to an earlier start of the partition");
            }
            api.checkTimeout(c, timeoutNs);
        } catch (RuntimeException | Error e) {
            api.leave();
            throw e;
        }
        return c;
    }

    @Override
    public void set() {
        Proc c = enter(0);
        try {
            up = true;
            api.m.control.notifyAll(waiters);
            api.m.control.preemptIfNeeded(c);
        } finally {
            api.leave();
        }
    }

    @Override
    public void reset() {
        enter(0);
        try {
            up = false;
        } finally {
            api.leave();
        }
    }

    @Override
    public boolean await(long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            long deadline = api.deadline(timeoutNs);
            while (!up) {
                if (timeoutNs == 0 || api.m.now >= deadline) {
                    return false;
                }
                api.m.control.await(c, waiters, deadline);
            }
            return true;
        } finally {
            api.leave();
        }
    }

    @Override
    void discardWaiters() {
        waiters.clear();
    }

    @Override
    public boolean isSet() {
        enter(0);
        try {
            return up;
        } finally {
            api.leave();
        }
    }
}
