// SPDX-License-Identifier: EPL-2.0
package attack;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import java.util.ArrayList;
import java.util.List;

/** Allocates without bound (its budget is 16 MiB). */
public final class Attack implements PartitionApplication {
    @Override
    public void initialize(Partition p) {
        p.createProcess(new ProcessRef("main", 0), () -> {
            attack(p);
            while (true) {
                p.compute(1_000_000L);
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private static final List<byte[]> HOARD = new ArrayList<>();

    private static void attack(Partition p) {
        while (true) {
            HOARD.add(new byte[1 << 20]);
        }
    }
}
