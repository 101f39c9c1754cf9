// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceEventType;

class WindowTimingTest {

    @Test
    void windowsOpenAndCloseExactlyAsConfigured() throws Exception {
        SystemConfig c = Sys.system(Sys.board(2),
                List.of(Sys.partition("a", 0, 0, List.of(), List.of()), Sys.partition("b", 1, 0, List.of(), List.of()),
                        Sys.partition("c", 2, 1, List.of(), List.of())),
                List.of(), List.of(new org.orrery.os.config.PlanConfig("main",
                        List.of(new org.orrery.os.config.CoreFrame(0, 10 * MS), new org.orrery.os.config.CoreFrame(1, 7 * MS)),
                        List.of(Sys.window(0, 0, 3 * MS, "a"), Sys.window(0, 5 * MS, 4 * MS, "b"),
                                Sys.window(1, 2 * MS, 5 * MS, "c")))),
                List.of(), List.of());
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> { }, "b", () -> p -> { }, "c", () -> p -> { })))
                .run(30 * MS);
        List<Sys.Ev> ev = Sys.events(r);
        List<Sys.Ev> starts = Sys.events(ev, TraceEventType.WINDOW_START);
        List<Sys.Ev> ends = Sys.events(ev, TraceEventType.WINDOW_END);
        assertEquals(List.of(0L, 5 * MS, 10 * MS, 15 * MS, 20 * MS, 25 * MS),
                starts.stream().filter(e -> e.core() == 0).map(Sys.Ev::t).toList());
        assertEquals(List.of(0L, 1L, 0L, 1L, 0L, 1L), starts.stream().filter(e -> e.core() == 0).map(Sys.Ev::f0).toList());
        assertEquals(List.of(3 * MS, 9 * MS, 13 * MS, 19 * MS, 23 * MS, 29 * MS),
                ends.stream().filter(e -> e.core() == 0).map(Sys.Ev::t).toList());
        assertEquals(List.of(2 * MS, 9 * MS, 16 * MS, 23 * MS),
                starts.stream().filter(e -> e.core() == 1).map(Sys.Ev::t).toList());
        assertEquals(List.of(7 * MS, 14 * MS, 21 * MS, 28 * MS),
                ends.stream().filter(e -> e.core() == 1).map(Sys.Ev::t).toList());
        assertEquals(10, r.summary().windowsRun());
        assertEquals(30 * MS, r.summary().endTimeNs());
        assertEquals(Map.of("a", PartitionMode.NORMAL, "b", PartitionMode.NORMAL, "c", PartitionMode.NORMAL),
                r.summary().modes());
    }

    @Test
    void declaredComputeIsPreemptedByWindowEndsAndResumesInTheNextWindow() throws Exception {
        SystemConfig c = Sys.system(Sys.board(1),
                List.of(Sys.partition("a", 0, 0, List.of(Sys.aperiodic("work", 0, 5)), List.of())),
                List.of(), List.of(Sys.plan("main", 10 * MS, Sys.window(0, 2 * MS, 3 * MS, "a"))), List.of(), List.of());
        long[] done = new long[1];
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> {
            p.createProcess(new org.orrery.os.api.ProcessRef("work", 0), () -> {
                p.compute(7 * MS);
                done[0] = p.now();
            }).start();
        }))).run(40 * MS);
        // 3 ms in [2,5), 3 ms in [12,15), the last 1 ms in [22,23).
        assertEquals(23 * MS, done[0]);
        assertEquals(0, r.summary().hmEvents().size());
    }
}
