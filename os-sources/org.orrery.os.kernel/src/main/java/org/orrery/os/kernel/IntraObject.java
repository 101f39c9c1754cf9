// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/** Base of buffers, blackboards, semaphores and events: belongs to one generation of one partition. */
abstract class IntraObject {
    final CallGate gate;
    final String name;
    final int generation;
    private final String kind;

    IntraObject(CallGate gate, String name, String kind) {
        this.gate = gate;
        this.name = name;
        this.kind = kind;
        this.generation = gate.part.generation;
    }

    /**
     * Enters the kernel for a call on this object, checked before anything changes: an object of an earlier
     * start of the partition, or an illegal timeout, is refused through the health monitor. The caller leaves.
     */
    final Proc enter(long timeoutNs) {
        Proc c = gate.enter();
        try {
            if (generation != gate.part.generation) {
                throw gate.refuse(c, kind + " " + name + " belongs to an earlier start of the partition");
            }
            gate.checkTimeout(c, timeoutNs);
        } catch (RuntimeException | Error e) {
            gate.leave();
            throw e;
        }
        return c;
    }

    /** Wakes everything blocked on this object (the partition restarts). */
    abstract void discardWaiters();
}
