// SPDX-License-Identifier: EPL-2.0
package attack;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** Reaches into the kernel by reflection. */
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

    private static void attack(Partition p) {
        try {
            Class<?> k = Class.forName("org.orrery.os.kernel.Kernel");
            k.getDeclaredFields()[0].setAccessible(true);
        } catch (ReflectiveOperationException e) {
            p.log("no kernel: " + e);
        }
    }
}
