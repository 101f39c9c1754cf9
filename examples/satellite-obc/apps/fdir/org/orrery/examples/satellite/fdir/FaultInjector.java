// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.satellite.fdir;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;

/**
 * Fault detection, isolation and recovery test bench: plays the time-tagged telecommands of
 * {@code faults.txt}, raising each scripted error when its time has come. What happens next is the health
 * monitor's business (the fdir table maps every error to a different action), so one run exercises the
 * recovery actions of the whole module. ILLEGAL_REQUEST is provoked by a real bad call, not raised.
 */
public final class FaultInjector implements PartitionApplication {

    /** USER_EVENT id traced just before a fault is injected (value = the error code's ordinal). */
    public static final int INJECT_EVENT = 1;

    private Partition partition;
    private FaultScript script;

    @Override
    public void initialize(Partition p) {
        partition = p;
        script = FaultScript.load("faults.txt", problem -> p.log(problem));
        int pending = script.size() - script.firstAfter(p.now());
        p.log("fdir " + p.mode() + ": " + pending + " of " + script.size() + " scripted faults still to send");
        p.createProcess(FdirConfig.Processes.INJECTOR, this::inject).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void inject() {
        // Time-based, so a restart of the process, the partition or the module resumes after the last fault.
        int next = script.firstAfter(partition.now());
        while (true) {
            while (next < script.size() && script.get(next).atNs() <= partition.now()) {
                ErrorCode error = script.get(next++).error();
                partition.log("injecting " + error);
                partition.traceEvent(INJECT_EVENT, error.ordinal());
                raise(error);
            }
            partition.compute(500_000);
            partition.periodicWait();
        }
    }

    private void raise(ErrorCode error) {
        if (error == ErrorCode.ILLEGAL_REQUEST) {
            try {
                partition.timedWait(-1);
            } catch (IllegalRequestException refused) {
                partition.log("refused as expected: " + refused.getMessage());
            }
        } else {
            partition.raiseError(error, "injected by telecommand");
        }
    }
}
