// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** Partition applications the hosted board's tests run in partition processes. */
public final class HostedApps {

    private HostedApps() {
    }

    /** One periodic process that computes 200 us of each period and prints every 10th activation. */
    public static final class Ticker implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                for (long n = 0; ; n++) {
                    if (n % 10 == 0) {
                        p.log("tick " + n);
                    }
                    p.compute(200_000L);
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /** Behaves for its first activation, then spins without a kernel call. */
    public static final class Spinner implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.log("about to spin");
                p.periodicWait();
                long x = 0;
                while (x >= 0) {
                    x = (x + 1) & 0xffff;
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
    /**
     * Behaves for its first activation, then blocks in its own code for good (a deadlock on a monitor no one will
     * ever notify): it holds its core without a kernel call and without using any processor.
     */
    public static final class Blocker implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            Object never = new Object();
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.log("about to block");
                p.periodicWait();
                synchronized (never) {
                    while (true) {
                        try {
                            never.wait();
                        } catch (InterruptedException e) {
                            // still blocked: nothing here ever ends the wait
                        }
                    }
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
}
