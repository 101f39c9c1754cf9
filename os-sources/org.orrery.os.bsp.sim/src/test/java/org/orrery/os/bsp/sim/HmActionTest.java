// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.trace.TraceEventType;

/** One test per health monitor action; each fails if its action stops working. */
class HmActionTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    /** What happened, recorded by the applications. */
    private static final class Log {
        final List<String> lines = new ArrayList<>();
        int coldLoads;
        int warmLoads;
        int faultyInits;
        int otherInits;
        int bodyStarts;
    }

    private static SystemConfig system(HmLevel level, HmAction action) {
        List<PartitionConfig> parts = List.of(
                Sys.partition("faulty", 0, 0, List.of(Sys.aperiodic("main", 0, 5)), List.of()),
                Sys.partition("other", 1, 0, List.of(Sys.periodic("main", 10 * MS, 0, 5)), List.of()));
        List<PlanConfig> plans = List.of(
                Sys.plan("normal", 10 * MS, Sys.window(0, 0, 5 * MS, "faulty"), Sys.window(0, 5 * MS, 5 * MS, "other")),
                Sys.plan("safe", 4 * MS, Sys.window(0, 0, 4 * MS, "other")));
        List<HmTable> hm = List.of(new HmTable("faulty", SystemState.PROCESS_EXECUTION,
                List.of(new HmRule(ErrorCode.APPLICATION_ERROR, level, action, action == HmAction.SWITCH_PLAN ? "safe" : ""))));
        return Sys.system(Sys.board(1), parts, List.of(), plans, hm, List.of());
    }

    /** "faulty" raises APPLICATION_ERROR 2 ms into its first run (only once); "other" logs every period. */
    private static SimResult run(HmLevel level, HmAction action, Log log) throws Exception {
        ApplicationLoader loader = (partition, cold) -> {
            if (partition.name().equals("other")) {
                return (PartitionApplication) p -> {
                    log.otherInits++;
                    p.createProcess(MAIN, () -> {
                        while (true) {
                            log.lines.add("other@" + p.now() / MS);
                            p.periodicWait();
                        }
                    }).start();
                };
            }
            if (cold) {
                log.coldLoads++;
            } else {
                log.warmLoads++;
            }
            return (PartitionApplication) p -> {
                log.faultyInits++;
                p.createProcess(MAIN, () -> {
                    log.bodyStarts++;
                    p.timedWait(2 * MS);
                    if (log.bodyStarts == 1 && log.faultyInits == 1) {
                        p.raiseError(ErrorCode.APPLICATION_ERROR, "injected");
                    }
                    log.lines.add("faulty continues@" + p.now() / MS);
                }).start();
            };
        };
        return Simulator.of(system(level, action), loader).run(30 * MS);
    }

    private static long hmTraced(SimResult r, HmAction action) {
        return Sys.events(Sys.events(r), TraceEventType.HM_EVENT).stream()
                .filter(e -> e.f1() == ErrorCode.APPLICATION_ERROR.ordinal() && e.f2() == action.ordinal()).count();
    }

    @Test
    void ignoreLetsTheProcessContinueSilently() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.PROCESS, HmAction.IGNORE, log);
        assertTrue(log.lines.contains("faulty continues@2"), log.lines.toString());
        assertTrue(r.console().stream().noneMatch(l -> l.contains("APPLICATION_ERROR")), r.console().toString());
        assertEquals(1, hmTraced(r, HmAction.IGNORE));
    }

    @Test
    void logWritesTheConsoleAndContinues() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.PROCESS, HmAction.LOG, log);
        assertTrue(log.lines.contains("faulty continues@2"));
        assertTrue(r.console().stream().anyMatch(l -> l.startsWith("[0.002000000] HM: faulty/main APPLICATION_ERROR -> LOG")),
                r.console().toString());
        assertEquals(1, r.summary().hmEvents().size());
    }

    @Test
    void restartProcessRunsTheBodyAgainWithoutContinuing() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.PROCESS, HmAction.RESTART_PROCESS, log);
        assertEquals(2, log.bodyStarts);
        assertEquals(1, log.faultyInits);
        // The restarted body waits 2 ms again and continues at 4 ms; the first never continued.
        assertTrue(log.lines.contains("faulty continues@4") && !log.lines.contains("faulty continues@2"), log.lines.toString());
        assertEquals(1, hmTraced(r, HmAction.RESTART_PROCESS));
    }

    @Test
    void idlePartitionStopsItWhileOthersRun() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.PARTITION, HmAction.IDLE_PARTITION, log);
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("faulty"));
        assertTrue(log.lines.stream().noneMatch(l -> l.startsWith("faulty continues")));
        assertEquals(List.of("other@5", "other@15", "other@25"), log.lines.stream().filter(l -> l.startsWith("other")).toList());
    }

    @Test
    void warmStartReinitialisesWithTheSameClasses() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.PARTITION, HmAction.WARM_START_PARTITION, log);
        assertEquals(1, log.coldLoads);
        assertEquals(1, log.warmLoads);
        assertEquals(2, log.faultyInits);
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("faulty"));
        assertTrue(log.lines.contains("faulty continues@4"), log.lines.toString());
        List<Sys.Ev> modes = Sys.events(Sys.events(r), TraceEventType.PARTITION_MODE).stream().filter(e -> e.f0() == 0).toList();
        assertEquals(PartitionMode.WARM_START.ordinal(), modes.get(2).f2());
    }

    @Test
    void coldStartReloadsTheApplication() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.PARTITION, HmAction.COLD_START_PARTITION, log);
        assertEquals(2, log.coldLoads);
        assertEquals(0, log.warmLoads);
        assertEquals(2, log.faultyInits);
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("faulty"));
    }

    @Test
    void switchPlanTakesEffectAtTheEndOfTheMajorFrame() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.MODULE, HmAction.SWITCH_PLAN, log);
        List<Sys.Ev> all = Sys.events(r);
        List<Sys.Ev> switches = Sys.events(all, TraceEventType.PLAN_SWITCH);
        assertEquals(1, switches.size());
        assertEquals(10 * MS, switches.get(0).t());
        assertEquals("safe", r.summary().activePlan());
        // "other" still runs its 5 ms slot in the first frame, then owns every 4 ms frame.
        assertEquals(List.of("other@5", "other@15", "other@25"), log.lines.stream().filter(l -> l.startsWith("other")).toList());
        assertEquals(5, Sys.events(all, TraceEventType.WINDOW_START).stream()
                .filter(e -> e.t() >= 10 * MS && e.t() < 30 * MS).count());
    }

    @Test
    void shutdownEndsTheRun() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, log);
        assertTrue(r.summary().shutdown());
        assertEquals(2 * MS, r.summary().endTimeNs());
        assertTrue(log.lines.isEmpty(), log.lines.toString());
    }

    @Test
    void resetRestartsEveryPartitionAndThePlan() throws Exception {
        Log log = new Log();
        SimResult r = run(HmLevel.MODULE, HmAction.RESET_MODULE, log);
        assertEquals(1, r.summary().moduleResets());
        // "other" had not reached its first window when the module reset at 2 ms: it initialises once, at 7 ms.
        assertEquals(1, log.otherInits);
        assertEquals(2, log.faultyInits);
        assertEquals(List.of(0L, 2L, 7L), Sys.events(Sys.events(r), TraceEventType.PARTITION_MODE).stream()
                .filter(e -> e.f0() == 1).map(e -> e.t() / MS).toList());
        assertFalse(r.summary().shutdown());
        // The frame restarts at 2 ms: "other" now runs at 7, 17, 27 ms.
        assertEquals(List.of("other@7", "other@17", "other@27"), log.lines.stream().filter(l -> l.startsWith("other")).toList());
    }

    @Test
    void errorHandlerIsStartedForProcessLevelErrors() throws Exception {
        SystemConfig c = system(HmLevel.PROCESS, HmAction.LOG);
        List<String> seen = new ArrayList<>();
        SimResult r = Simulator.of(c, Sys.apps(java.util.Map.of(
                "faulty", () -> p -> {
                    p.createErrorHandler(() -> seen.add(p.errorStatus().code() + " " + p.errorStatus().process().name()
                            + " " + p.errorStatus().message() + "@" + p.now() / MS));
                    p.createProcess(MAIN, () -> {
                        p.timedWait(MS);
                        int zero = seen.size();
                        seen.add("result " + (1 / zero));
                    }).start();
                },
                "other", () -> p -> { }))).run(10 * MS);
        assertEquals(List.of("NUMERIC_ERROR main uncaught java.lang.ArithmeticException: / by zero@1"), seen);
        assertEquals(ErrorCode.NUMERIC_ERROR, r.summary().hmEvents().get(0).error());
    }
}
