// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/** Base of buffers, blackboards, semaphores and events: belongs to one generation of one partition. */
abstract class IntraObject {
    final CallGate gate;
    final String name;
    final int generation;

    IntraObject(CallGate gate, String name) {
        this.gate = gate;
        this.name = name;
        this.generation = gate.part.generation;
    }

    /** Wakes everything blocked on this object (the partition restarts). */
    abstract void discardWaiters();
}
