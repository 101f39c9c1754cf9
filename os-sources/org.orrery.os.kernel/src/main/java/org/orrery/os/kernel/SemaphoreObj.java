// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.Semaphore;

/** Intra-partition counting semaphore. */
final class SemaphoreObj extends IntraObject implements Semaphore {
    private final int max;
    private final WaitQueue waiters;
    private int value;

    SemaphoreObj(CallGate gate, String name, int initial, int max, QueuingDiscipline discipline) {
        super(gate, name, "semaphore");
        this.value = initial;
        this.max = max;
        this.waiters = new WaitQueue(gate.part.all.length, discipline);
    }

    @Override
    public boolean acquire(long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            long deadline = gate.deadline(timeoutNs);
            while (value == 0) {
                if (timeoutNs == 0 || gate.m.now >= deadline) {
                    return false;
                }
                gate.m.control.await(c, waiters, deadline);
            }
            value--;
            return true;
        } finally {
            gate.leave();
        }
    }

    @Override
    public void release() {
        Proc c = enter(0);
        try {
            if (value == max) {
                throw gate.refuse(c, "semaphore " + name + " is already at its maximum " + max);
            }
            value++;
            gate.m.control.notifyOne(waiters);
            gate.m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public int value() {
        enter(0);
        try {
            return value;
        } finally {
            gate.leave();
        }
    }

    @Override
    void discardWaiters() {
        waiters.clear();
    }
}
