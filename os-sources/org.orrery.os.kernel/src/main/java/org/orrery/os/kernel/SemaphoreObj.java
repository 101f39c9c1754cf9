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
                // Woken by release(): the unit was handed over (release() does not count it when someone waits).
                if (gate.m.control.await(c, waiters, deadline)) {
                    return true;
                }
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
            // With processes waiting the unit goes straight to the first of them (ARINC 653 SIGNAL_SEMAPHORE):
            // counted, it could be taken by a more urgent process before the woken one runs.
            if (waiters.isEmpty()) {
                value++;
            } else {
                gate.m.control.notifyOne(waiters);
            }
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
