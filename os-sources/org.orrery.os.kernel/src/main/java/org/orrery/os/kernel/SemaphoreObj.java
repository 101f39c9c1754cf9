// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.Semaphore;

/** Intra-partition counting semaphore. */
final class SemaphoreObj extends IntraObject implements Semaphore {
    private final int max;
    private final WaitQueue waiters;
    private int value;

    SemaphoreObj(PartitionApi api, String name, int initial, int max, QueuingDiscipline discipline) {
        super(api, name);
        this.value = initial;
        this.max = max;
        this.waiters = new WaitQueue(api.part.all.length, discipline);
    }

    private Proc enter(long timeoutNs) {
        Proc c = api.enter();
        try {
            if (generation != api.part.generation) {
                throw api.refuse(c, "semaphore " + name + " belongs to an earlier start of the partition");
            }
            api.checkTimeout(c, timeoutNs);
        } catch (RuntimeException | Error e) {
            api.leave();
            throw e;
        }
        return c;
    }

    @Override
    public boolean acquire(long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            long deadline = api.deadline(timeoutNs);
            while (value == 0) {
                if (timeoutNs == 0 || api.m.now >= deadline) {
                    return false;
                }
                api.m.control.await(c, waiters, deadline);
            }
            value--;
            return true;
        } finally {
            api.leave();
        }
    }

    @Override
    public void release() {
        Proc c = enter(0);
        try {
            if (value == max) {
                throw api.refuse(c, "semaphore " + name + " is already at its maximum " + max);
            }
            value++;
            api.m.control.notifyOne(waiters);
            api.m.control.preemptIfNeeded(c);
        } finally {
            api.leave();
        }
    }

    @Override
    public int value() {
        enter(0);
        try {
            return value;
        } finally {
            api.leave();
        }
    }

    @Override
    void discardWaiters() {
        waiters.clear();
    }
}
