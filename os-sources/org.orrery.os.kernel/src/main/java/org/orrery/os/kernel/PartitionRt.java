// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.ArrayList;
import java.util.List;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;

/** Run-time state of one partition. Process blocks and port handles are preallocated at boot. */
final class PartitionRt {
    final PartitionConfig config;
    final int index;
    /** Core whose trace buffer gets this partition's events while none of its windows is open. */
    final int homeCore;
    final Proc[] procs;
    final Proc init;
    final Proc handler;
    /** procs, then init, then handler: the scan order of the scheduler and the timers. */
    final Proc[] all;
    final Object[] portHandles;
    final boolean[] portCreated;
    final List<IntraObject> objects = new ArrayList<>();
    CallGate gate;
    PartitionApi api;

    PartitionMode mode = PartitionMode.COLD_START;
    /** Whether the partition ever completed its initialisation; one that never did never ran its processes. */
    boolean reachedNormal;
    /** Windows opened for this partition over the run. */
    long windowsOpened;
    int activeCore = -1;
    int generation;
    long watchdogDeadline = Proc.NEVER;
    final ConsoleLimit console = new ConsoleLimit();
    /** When the board last lost this partition's process (-1: never). */
    long lostAt = -1;
    ErrorStatus errorStatus;
    /** Concurrent boards: the process whose code was running when the partition's window last ended. */
    Proc midCode;

    PartitionRt(PartitionConfig config) {
        this.config = config;
        this.index = config.index();
        this.homeCore = config.cores().get(0);
        int n = config.processes().size();
        procs = new Proc[n];
        all = new Proc[n + 2];
        for (int i = 0; i < n; i++) {
            procs[i] = new Proc(this, i, config.processes().get(i));
            all[i] = procs[i];
        }
        init = new Proc(this, Proc.INIT, new ProcessConfig("init", ProcessKind.APERIODIC, 0, 0, 0, 0, 1 << 20));
        handler = new Proc(this, Proc.HANDLER,
                new ProcessConfig("error_handler", ProcessKind.APERIODIC, 0, 0, 255, 0, 1 << 20));
        all[n] = init;
        all[n + 1] = handler;
        portHandles = new Object[config.ports().size()];
        portCreated = new boolean[config.ports().size()];
    }

    /** The core for this partition's trace events now. */
    int traceCore() {
        return activeCore >= 0 ? activeCore : homeCore;
    }

    boolean initialising() {
        return mode == PartitionMode.COLD_START || mode == PartitionMode.WARM_START;
    }

    String name() {
        return config.name();
    }
}
