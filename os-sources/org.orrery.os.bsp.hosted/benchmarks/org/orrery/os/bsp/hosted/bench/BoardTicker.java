// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** The benchmark's partition application: one periodic process computing 100 us of each period. */
public final class BoardTicker implements PartitionApplication {
    @Override
    public void initialize(Partition p) {
        p.createProcess(new ProcessRef("main", 0), () -> {
            while (true) {
                p.compute(100_000L);
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }
}
