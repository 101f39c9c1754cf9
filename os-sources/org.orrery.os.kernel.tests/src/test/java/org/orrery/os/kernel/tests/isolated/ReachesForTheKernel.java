// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests.isolated;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.ProcessRef;

/**
 * Loaded alone from a jar through the simulated board's partition class loader: its process names a kernel
 * class, which the loader does not show to applications, so resolving it fails with NoClassDefFoundError.
 */
public final class ReachesForTheKernel implements PartitionApplication {
    @Override
    public void initialize(Partition partition) {
        partition.createProcess(new ProcessRef("main", 0), () -> {
            partition.timedWait(2_000_000L);
            partition.log("kernel class " + org.orrery.os.kernel.Kernel.class.getName());
        }).start();
    }
}
