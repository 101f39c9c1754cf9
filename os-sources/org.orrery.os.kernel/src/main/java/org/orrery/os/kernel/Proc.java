// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;

/** Process control block. All fields are guarded by the kernel lock; allocated once at boot. */
final class Proc {
    /** Trace index of a partition's initialisation process. */
    static final int INIT = -2;
    /** Trace index of a partition's error handler. */
    static final int HANDLER = -3;
    static final long NEVER = Long.MAX_VALUE;

    /** Why a started process cannot run. */
    enum Wait { NONE, DELAY, RELEASE, RESOURCE, NORMAL_MODE }

    final PartitionRt part;
    final int index;
    final ProcessRef ref;
    final boolean periodic;
    final long period;
    final long deadlineNs;
    final int basePriority;
    final long stackSize;

    boolean created;
    Runnable body;
    ExecutionContext ctx;
    /** The context the process's current kernel call came from (the process may be restarted during the call). */
    ExecutionContext callCtx;
    /**
     * Concurrent boards: since when the process runs its own code in the current window (its last call or the
     * window's start), and how much of its own code it ran before that in earlier windows since its last call.
     */
    long codeFrom;
    long codeBefore;
    ProcessHandle handle;

    boolean started;
    boolean suspended;
    Wait waitKind = Wait.NONE;
    int priority;
    ProcessState state = ProcessState.DORMANT;
    /** Core the process currently holds, -1 if none. */
    int core = -1;
    long remaining;
    /**
     * Its declared compute ended at the current instant and its code has not run since: the job's work is done
     * now, so it finishes (up to its next call) before a deadline or a release at this same instant counts.
     */
    boolean computeEnded;
    long sliceLeft;
    long readySeq;
    long wakeAt = NEVER;
    long release;
    long deadlineAbs = NEVER;
    WaitQueue waitingOn;
    boolean woken;

    Proc(PartitionRt part, int index, ProcessConfig config) {
        this.part = part;
        this.index = index;
        this.ref = new ProcessRef(config.name(), index);
        this.periodic = config.kind() == ProcessKind.PERIODIC;
        this.period = config.periodNs();
        this.deadlineNs = config.deadlineNs();
        this.basePriority = config.priority();
        this.priority = basePriority;
        this.stackSize = config.stackSize();
    }

    /** Eligible for a core. */
    boolean runnable() {
        return started && !suspended && waitKind == Wait.NONE;
    }

    String name() {
        return ref.name();
    }
}
