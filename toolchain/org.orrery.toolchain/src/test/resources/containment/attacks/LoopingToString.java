// SPDX-License-Identifier: EPL-2.0
package attack;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** Throws an exception whose toString() never returns. */
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
        throw new IllegalStateException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                long x = 0;
                while (x >= 0) {
                    x = (x + 1) & 0xffff;
                }
                return "never";
            }
        };
    }
}
