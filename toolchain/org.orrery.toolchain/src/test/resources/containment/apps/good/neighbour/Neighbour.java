// SPDX-License-Identifier: EPL-2.0
package neighbour;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** The well-behaved neighbour: one line in every activation. */
public final class Neighbour implements PartitionApplication {
    @Override
    public void initialize(Partition p) {
        p.createProcess(new ProcessRef("main", 0), () -> {
            while (true) {
                p.log("tick " + p.now() / 1_000_000L);
                p.compute(1_000_000L);
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }
}
