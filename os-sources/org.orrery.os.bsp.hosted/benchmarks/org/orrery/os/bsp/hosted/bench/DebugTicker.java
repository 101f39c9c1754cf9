// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** The debug benchmark's partition application: one periodic process; {@link #step} is where a debugger stops it. */
public final class DebugTicker implements PartitionApplication {
    private long steps;

    @Override
    public void initialize(Partition p) {
        p.createProcess(new ProcessRef("main", 0), () -> {
            while (true) {
                step();
                p.compute(100_000L);
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void step() {
        steps++;
    }
}
