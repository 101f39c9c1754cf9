// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Event;
import org.orrery.os.api.QueuingDiscipline;

/** Intra-partition event. */
final class EventObj extends IntraObject implements Event {
    private final WaitQueue waiters;
    private boolean up;

    EventObj(CallGate gate, String name) {
        super(gate, name, "event");
        this.waiters = new WaitQueue(gate.part.all.length, QueuingDiscipline.FIFO);
    }

    @Override
    public void set() {
        Proc c = enter(0);
        try {
            up = true;
            gate.m.control.notifyAll(waiters);
            gate.m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void reset() {
        enter(0);
        try {
            up = false;
        } finally {
            gate.leave();
        }
    }

    @Override
    public boolean await(long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            long deadline = gate.deadline(timeoutNs);
            while (!up) {
                if (timeoutNs == 0 || gate.m.now >= deadline) {
                    return false;
                }
                // Woken by set(): the event was up, even if a more urgent process reset it before we ran.
                if (gate.m.control.await(c, waiters, deadline)) {
                    return true;
                }
            }
            return true;
        } finally {
            gate.leave();
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
            gate.leave();
        }
    }
}
