// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.isolated;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;

/** Loaded through a PartitionClassLoader in tests: reports what it can see and counts its starts. */
public final class IsolatedApp implements PartitionApplication {
    static int starts;

    @Override
    public void initialize(Partition partition) {
        starts++;
        partition.log("starts=" + starts + " loader=" + getClass().getClassLoader().getName());
        for (String name : new String[] {"org.orrery.os.kernel.Kernel", "org.junit.jupiter.api.Test",
                "org.orrery.os.api.Partition"}) {
            try {
                Class.forName(name, false, getClass().getClassLoader());
                partition.log("visible " + name);
            } catch (ClassNotFoundException e) {
                partition.log("hidden " + name);
            }
        }
        // System properties are the only state shared across class loaders here (java.* is visible).
        int inits = Integer.getInteger("orrery.test.isolated.inits", 0) + 1;
        System.setProperty("orrery.test.isolated.inits", Integer.toString(inits));
        if (inits == 1) {
            partition.setMode(org.orrery.os.api.PartitionMode.COLD_START);
        }
    }
}
