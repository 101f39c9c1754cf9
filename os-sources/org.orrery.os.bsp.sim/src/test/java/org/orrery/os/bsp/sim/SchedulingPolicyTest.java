// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Partition;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;

class SchedulingPolicyTest {

    private static SystemConfig oneCore(SchedulingPolicy policy, long slice, List<ProcessConfig> procs) {
        return Sys.system(Sys.board(1), List.of(Sys.partition("a", 0, 0, policy, slice, 0, procs, List.of())),
                List.of(), List.of(Sys.plan("main", 100 * MS, Sys.window(0, 0, 100 * MS, "a"))), List.of(), List.of());
    }

    /** Each process logs its name, computes 1 ms, and records when it finished. */
    private static List<String> run(SystemConfig c, List<String> finish) throws Exception {
        List<String> order = new ArrayList<>();
        List<ProcessConfig> procs = c.partitions().get(0).processes();
        Simulator.of(c, Sys.apps(Map.of("a", () -> (Partition p) -> {
            for (int i = 0; i < procs.size(); i++) {
                String name = procs.get(i).name();
                p.createProcess(new ProcessRef(name, i), () -> {
                    order.add(name);
                    p.compute(procs.get(0).wcetNs() > 0 ? procs.get(0).wcetNs() : MS);
                    finish.add(name + "@" + p.now() / 1000);
                }).start();
            }
        }))).run(50 * MS);
        return order;
    }

    @Test
    void fixedPriorityRunsMostUrgentFirstAndFifoAmongEquals() throws Exception {
        List<String> finish = new ArrayList<>();
        List<String> order = run(oneCore(SchedulingPolicy.FIXED_PRIORITY, 0, List.of(Sys.aperiodic("low", 0, 1),
                Sys.aperiodic("high", 0, 9), Sys.aperiodic("mid1", 0, 5), Sys.aperiodic("mid2", 0, 5))), finish);
        assertEquals(List.of("high", "mid1", "mid2", "low"), order);
        assertEquals(List.of("high@1000", "mid1@2000", "mid2@3000", "low@4000"), finish);
    }

    @Test
    void fixedPriorityPreemptsOnRelease() throws Exception {
        SystemConfig c = oneCore(SchedulingPolicy.FIXED_PRIORITY, 0,
                List.of(Sys.aperiodic("bg", 0, 1), Sys.periodic("tick", 4 * MS, 0, 9)));
        List<String> log = new ArrayList<>();
        Simulator.of(c, Sys.apps(Map.of("a", () -> (Partition p) -> {
            p.createProcess(new ProcessRef("bg", 0), () -> {
                p.compute(10 * MS);
                log.add("bg done@" + p.now() / MS);
            }).start();
            p.createProcess(new ProcessRef("tick", 1), () -> {
                while (true) {
                    log.add("tick@" + p.now() / MS);
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start();
        }))).run(15 * MS);
        // tick takes 1 ms of every 4, bg gets [1,4) [5,8) [9,12) [13,14): its 10 ms end at 14 ms.
        assertEquals(List.of("tick@0", "tick@4", "tick@8", "tick@12", "bg done@14"), log);
    }

    @Test
    void edfRunsEarliestDeadlineFirstRegardlessOfPriority() throws Exception {
        List<String> finish = new ArrayList<>();
        List<String> order = run(oneCore(SchedulingPolicy.EDF, 0, List.of(Sys.aperiodic("late", 30 * MS, 9),
                Sys.aperiodic("soon", 10 * MS, 1), Sys.aperiodic("middle", 20 * MS, 5), Sys.aperiodic("none", 0, 9))),
                finish);
        assertEquals(List.of("soon", "middle", "late", "none"), order);
    }

    @Test
    void roundRobinInterleavesBySlice() throws Exception {
        SystemConfig c = oneCore(SchedulingPolicy.ROUND_ROBIN, MS,
                List.of(new ProcessConfig("x", org.orrery.os.config.ProcessKind.APERIODIC, 0, 0, 9, 3 * MS, 65536),
                        Sys.aperiodic("y", 0, 1)));
        List<String> finish = new ArrayList<>();
        List<String> order = run(c, finish);
        // Both need 3 ms; 1 ms slices alternate x,y,x,y,x,y: x ends at 5 ms, y at 6 ms.
        assertEquals(List.of("x", "y"), order);
        assertEquals(List.of("x@5000", "y@6000"), finish);
    }

    @Test
    void fixedPriorityWithSameWorkDoesNotInterleave() throws Exception {
        SystemConfig c = oneCore(SchedulingPolicy.FIXED_PRIORITY, 0,
                List.of(new ProcessConfig("x", org.orrery.os.config.ProcessKind.APERIODIC, 0, 0, 9, 3 * MS, 65536),
                        Sys.aperiodic("y", 0, 1)));
        List<String> finish = new ArrayList<>();
        run(c, finish);
        assertEquals(List.of("x@3000", "y@6000"), finish);
    }
}
