// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.router.mgmt;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;

/** Management: the console process prints the router's uptime every 5 s. */
public final class Management implements PartitionApplication {

    @Override
    public void initialize(Partition p) {
        p.createProcess(MgmtConfig.Processes.CONSOLE, () -> {
            long ticks = 0;
            while (true) {
                p.compute(200_000);
                if (++ticks % 500 == 0) {
                    p.log("uptime " + p.now() / 1_000_000_000L + " s");
                }
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }
}
