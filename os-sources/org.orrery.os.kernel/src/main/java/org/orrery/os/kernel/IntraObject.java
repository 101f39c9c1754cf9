// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/** Base of buffers, blackboards, semaphores and events: belongs to one generation of one partition. */
abstract class IntraObject {
    final PartitionApi api;
    final String name;
    final int generation;

    IntraObject(PartitionApi api, String name) {
        this.api = api;
        this.name = name;
        this.generation = api.part.generation;
    }

    /** Wakes everything blocked on this object (the partition restarts). */
    abstract void discardWaiters();
}
