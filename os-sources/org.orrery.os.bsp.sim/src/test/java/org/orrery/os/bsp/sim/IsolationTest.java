// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import org.orrery.os.partition.PartitionClassLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;

class IsolationTest {

    @Test
    void applicationSeesOnlyTheApiAndStartsFreshOnColdStart() throws Exception {
        String entry = "org/orrery/os/bsp/sim/isolated/IsolatedApp.class";
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(entry)) {
            bytes = in.readAllBytes();
        }
        byte[] jar = PartitionClassLoader.jar(Map.of(entry, bytes));
        PartitionConfig p = new PartitionConfig("iso", 0, List.of(0), 1 << 20, org.orrery.os.config.Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "org.orrery.os.bsp.sim.isolated.IsolatedApp", "", 0, List.of(),
                List.of());
        SystemConfig c = Sys.system(Sys.board(1), List.of(p), List.of(),
                List.of(Sys.plan("main", 10 * MS, Sys.window(0, 0, 10 * MS, "iso"))), List.of(), List.of());
        System.clearProperty("orrery.test.isolated.inits");
        SimResult r = Simulator.of(c, new JarApplicationLoader(Map.of("iso", jar))).run(5 * MS);
        // The app cold-starts itself once; the fresh class loader of the second start resets its static counter.
        assertEquals(List.of(
                "[0.000000000] iso: starts=1 loader=partition-iso",
                "[0.000000000] iso: hidden org.orrery.os.kernel.Kernel",
                "[0.000000000] iso: hidden org.junit.jupiter.api.Test",
                "[0.000000000] iso: visible org.orrery.os.api.Partition",
                "[0.000000000] iso: starts=1 loader=partition-iso",
                "[0.000000000] iso: hidden org.orrery.os.kernel.Kernel",
                "[0.000000000] iso: hidden org.junit.jupiter.api.Test",
                "[0.000000000] iso: visible org.orrery.os.api.Partition"), r.console());
    }
}
