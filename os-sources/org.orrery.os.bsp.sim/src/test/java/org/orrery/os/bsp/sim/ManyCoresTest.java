// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Limits;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

class ManyCoresTest {

    @Test
    void twoHundredFiftySixCoresBootAndRun() throws Exception {
        int n = Limits.MAX_CORES;
        List<PartitionConfig> parts = new ArrayList<>();
        List<CoreFrame> frames = new ArrayList<>();
        List<WindowConfig> windows = new ArrayList<>();
        Map<String, Supplier<? extends PartitionApplication>> apps = new HashMap<>();
        int[] releases = new int[n];
        for (int i = 0; i < n; i++) {
            String name = "p" + i;
            parts.add(Sys.partition(name, i, i, List.of(Sys.periodic("tick", 10 * MS, 0, 1)), List.of()));
            frames.add(new CoreFrame(i, 10 * MS));
            windows.add(Sys.window(i, (i % 5) * MS, 5 * MS, name));
            int core = i;
            apps.put(name, () -> p -> p.createProcess(new ProcessRef("tick", 0), () -> {
                while (true) {
                    releases[core]++;
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start());
        }
        SystemConfig c = Sys.system(Sys.board(n), parts, List.of(), List.of(new PlanConfig("main", frames, windows)),
                List.of(), List.of());
        SimResult r = Simulator.of(c, Sys.apps(apps)).run(50 * MS);
        assertEquals(5L * n, r.summary().windowsRun());
        assertEquals(List.of(), r.summary().hmEvents());
        for (int i = 0; i < n; i++) {
            assertEquals(5, releases[i], "core " + i);
        }
        assertEquals(n, r.traces().size());
    }
}
