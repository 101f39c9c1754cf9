// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceEventType;

class WatchdogTest {

    @Test
    void partitionWatchdogExpiresOnePeriodAfterTheLastKick() throws Exception {
        SystemConfig c = Sys.system(Sys.board(1),
                List.of(Sys.partition("a", 0, 0, SchedulingPolicy.FIXED_PRIORITY, 0, 5 * MS,
                        List.of(Sys.periodic("main", 2 * MS, 0, 5)), List.of())),
                List.of(), List.of(Sys.plan("main", 10 * MS, Sys.window(0, 0, 10 * MS, "a"))),
                List.of(new HmTable("a", SystemState.PROCESS_EXECUTION,
                        List.of(new HmRule(ErrorCode.WATCHDOG, HmLevel.PARTITION, HmAction.LOG, "")))),
                List.of());
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> p.createProcess(new ProcessRef("main", 0), () -> {
            // Kicks at 0, 2, 4, 6, 8 ms, then the process hangs up.
            for (int i = 0; i < 5; i++) {
                p.kickWatchdog();
                p.periodicWait();
            }
        }).start()))).run(20 * MS);
        List<HmEvent> hm = r.summary().hmEvents();
        assertEquals(List.of(13 * MS, 18 * MS), hm.stream().map(HmEvent::timeNs).toList());
        assertEquals(ErrorCode.WATCHDOG, hm.get(0).error());
        List<Sys.Ev> ev = Sys.events(r);
        assertEquals(5, Sys.events(ev, TraceEventType.WATCHDOG_KICK).size());
        assertEquals(List.of(13 * MS, 18 * MS), Sys.events(ev, TraceEventType.WATCHDOG_EXPIRED).stream().map(Sys.Ev::t).toList());
    }

    @Test
    void partitionWatchdogDefaultsToColdStart() throws Exception {
        SystemConfig c = Sys.system(Sys.board(1),
                List.of(Sys.partition("a", 0, 0, SchedulingPolicy.FIXED_PRIORITY, 0, 5 * MS, List.of(), List.of())),
                List.of(), List.of(Sys.plan("main", 10 * MS, Sys.window(0, 0, 10 * MS, "a"))), List.of(), List.of());
        int[] inits = new int[1];
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> inits[0]++))).run(12 * MS);
        assertEquals(HmAction.COLD_START_PARTITION, r.summary().hmEvents().get(0).action());
        assertEquals(5 * MS, r.summary().hmEvents().get(0).timeNs());
        assertEquals(3, inits[0]);
    }

    @Test
    void boardWatchdogExpiresWhenNoFrameStartsInTime() throws Exception {
        // Frames start every 10 ms; the board watchdog wants a kick every 6 ms.
        SystemConfig c = Sys.system(Sys.board(1, 6 * MS),
                List.of(Sys.partition("a", 0, 0, List.of(), List.of())),
                List.of(), List.of(Sys.plan("main", 10 * MS, Sys.window(0, 0, 10 * MS, "a"))),
                List.of(new HmTable("", SystemState.KERNEL,
                        List.of(new HmRule(ErrorCode.WATCHDOG, HmLevel.MODULE, HmAction.LOG, "")))),
                List.of());
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> { }))).run(25 * MS);
        assertEquals(List.of(6 * MS, 16 * MS), r.summary().hmEvents().stream().map(HmEvent::timeNs).toList());
        assertEquals("", r.summary().hmEvents().get(0).partition());
    }

    @Test
    void boardWatchdogStaysQuietWhenKickedInTime() throws Exception {
        SystemConfig c = Sys.system(Sys.board(1, 11 * MS),
                List.of(Sys.partition("a", 0, 0, List.of(), List.of())),
                List.of(), List.of(Sys.plan("main", 10 * MS, Sys.window(0, 0, 10 * MS, "a"))), List.of(), List.of());
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> { }))).run(50 * MS);
        assertEquals(List.of(), r.summary().hmEvents());
    }
}
