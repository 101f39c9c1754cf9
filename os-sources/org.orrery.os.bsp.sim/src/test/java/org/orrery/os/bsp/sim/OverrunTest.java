// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceEventType;

class OverrunTest {
    private static volatile boolean release;

    @Test
    void stuckPartitionIsAbandonedAndTheOthersKeepTheirTiming() throws Exception {
        SystemConfig c = Sys.system(Sys.board(2),
                List.of(Sys.partition("stuck", 0, 0, List.of(Sys.aperiodic("main", 0, 5)), List.of()),
                        Sys.partition("good", 1, 0, List.of(Sys.periodic("main", 10 * MS, 0, 5)), List.of()),
                        Sys.partition("far", 2, 1, List.of(Sys.periodic("main", 10 * MS, 0, 5)), List.of())),
                List.of(), List.of(new org.orrery.os.config.PlanConfig("main",
                        List.of(new org.orrery.os.config.CoreFrame(0, 10 * MS), new org.orrery.os.config.CoreFrame(1, 10 * MS)),
                        List.of(Sys.window(0, 0, 5 * MS, "stuck"), Sys.window(0, 5 * MS, 5 * MS, "good"),
                                Sys.window(1, 0, 10 * MS, "far")))),
                List.of(), List.of());
        List<String> log = new ArrayList<>();
        release = false;
        SimResult r;
        try {
            r = Simulator.of(c, Sys.apps(Map.of(
                    "stuck", () -> p -> p.createProcess(new ProcessRef("main", 0), () -> {
                        p.timedWait(2 * MS);
                        long spins = 0;
                        while (!release) {
                            spins++;
                        }
                        // Released after the run: this call must unwind the abandoned thread, not act.
                        p.log("stuck woke after " + spins);
                    }).start(),
                    "good", () -> p -> p.createProcess(new ProcessRef("main", 0), () -> {
                        while (true) {
                            log.add("good@" + p.now() / MS);
                            p.periodicWait();
                        }
                    }).start(),
                    "far", () -> p -> p.createProcess(new ProcessRef("main", 0), () -> {
                        while (true) {
                            log.add("far@" + p.now() / MS);
                            p.periodicWait();
                        }
                    }).start()))).guardMillis(300).run(30 * MS);
        } finally {
            release = true;
        }
        assertEquals(1, r.summary().overruns());
        assertEquals(ErrorCode.WINDOW_OVERRUN, r.summary().hmEvents().get(0).error());
        assertEquals(2 * MS, r.summary().hmEvents().get(0).timeNs());
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("stuck"));
        assertEquals(List.of("far@0", "good@5", "far@10", "good@15", "far@20", "good@25"), log);
        List<Sys.Ev> ends = Sys.events(Sys.events(r), TraceEventType.WINDOW_END);
        assertEquals(1, ends.stream().filter(e -> e.f2() == 1).count());
        Thread.sleep(50);
        assertTrue(r.console().stream().noneMatch(l -> l.contains("stuck woke")));
    }
}
