// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.bsp.sim.LockstepExecutor;
import org.orrery.os.bsp.sim.VirtualClock;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.BoardParts;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.ModuleLink;
import org.orrery.os.kernel.WindowListener;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/**
 * A kernel that runs only some of the module's partitions (what a partition's own process runs on the hosted board):
 * their processes are scheduled as by a kernel that runs them all, the other partitions never load, and what concerns
 * the module (plan switches, cold starts, module shutdown and reset, the board's watchdog) is asked of the module's
 * kernel through its {@link ModuleLink} instead of done.
 */
class ResidentKernelTest {
    private static final ProcessRef TICK = new ProcessRef("tick", 0);
    private static final ProcessRef WORK = new ProcessRef("work", 1);
    private static final long FRAME = 10 * MS;
    /** The boot's cold start, traced and told as every start of a partition is. */
    private static final String BOOT = "mode 0 COLD_START>COLD_START @0";

    /** What the module's kernel was told, one line each. */
    private static final class Told implements ModuleLink {
        final List<String> lines = new ArrayList<>();
        /** Each window's use, apart: a line per window would drown the rest. */
        final List<String> windows = new ArrayList<>();

        @Override
        public void windowUsed(int partition, long windowNs, long busyNs) {
            windows.add(partition + " " + Rig.ms(busyNs) + "/" + Rig.ms(windowNs));
        }

        @Override
        public void modeChanged(int partition, PartitionMode from, PartitionMode to, long timeNs) {
            lines.add("mode " + partition + " " + from + ">" + to + " @" + Rig.ms(timeNs));
        }

        @Override
        public void hmEvent(int partition, HmEvent e) {
            lines.add("hm " + partition + " " + Rig.hm(e));
        }

        @Override
        public void planRequested(int plan) {
            lines.add("plan " + plan);
        }

        @Override
        public void coldStartRequested(int partition) {
            lines.add("cold start " + partition);
        }

        @Override
        public void shutdownRequested() {
            lines.add("shutdown");
        }

        @Override
        public void resetRequested() {
            lines.add("reset");
        }
    }

    /**
     * Partitions a and b share core 0 (a 0-5 ms, b 5-10 ms of each 10 ms frame); plan "two" gives a the whole frame
     * and a may switch to it; a's processes: tick (periodic 10 ms, deadline 10 ms, priority 5) and work (aperiodic,
     * deadline {@code workDeadline}, priority 3).
     */
    private static SystemConfig system(long workDeadline, long boardWatchdog, List<HmTable> hm) {
        SystemConfig base = Rig.system(
                List.of(Rig.partition("a", 0, List.of(periodic("tick", FRAME, FRAME, 5),
                        aperiodic("work", workDeadline, 3))), Rig.partition("b", 1, List.of(aperiodic("b0", 1)))),
                List.of(),
                List.of(Rig.plan("one", FRAME, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b")),
                        Rig.plan("two", FRAME, Rig.window(0, 0, FRAME, "a"))),
                hm, List.of(new PlanSwitchRule("one", "two", "a")));
        BoardConfig b = base.board();
        return new SystemConfig(base.name(), new BoardConfig(b.name(), b.cores(), b.memorySize(), b.timerTickNs(),
                b.console(), b.nics(), boardWatchdog, b.nvramSize(), b.flashSlots()), base.memoryRegions(),
                base.partitions(), base.channels(), base.plans(), base.initialPlan(), base.planSwitchRules(),
                base.hmTables(), base.services(), base.vms());
    }

    /** a's application: tick records each release, work computes {@code work} and then does {@code after}. */
    private static PartitionApplication a(List<String> seen, int[] starts, long work, Runnable after) {
        return p -> {
            starts[0]++;
            seen.add("a starts in " + p.mode() + at(p));
            p.createProcess(TICK, () -> {
                while (true) {
                    seen.add("tick" + at(p));
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start();
            p.createProcess(WORK, () -> {
                p.compute(work);
                seen.add("work done" + at(p));
                after.run();
            }).start();
            p.setMode(PartitionMode.NORMAL);
        };
    }

    private static ApplicationLoader loader(PartitionApplication a, int[] bStarts) {
        Map<String, Supplier<? extends PartitionApplication>> apps = new LinkedHashMap<>();
        apps.put("a", () -> a);
        apps.put("b", () -> p -> {
            bStarts[0]++;
            p.setMode(PartitionMode.NORMAL);
        });
        return ApplicationLoader.of(apps);
    }

    /** A resident kernel of a alone on the simulated board, driven by the test. */
    private record Driven(Kernel kernel, BoardParts board) {
        /** The windows this kernel opened, as "ms partition". */
        List<String> windows() {
            List<String> out = new ArrayList<>();
            for (TraceBuffer b : kernel.traceBuffers()) {
                b.drainTo((core, t, id, p, w, plan) -> {
                    if (TraceEventType.fromId(id) == TraceEventType.WINDOW_START) {
                        out.add(Rig.ms(t) + " " + (p == 0 ? "a" : "b"));
                    }
                });
            }
            return out;
        }
    }

    private static Driven bootResident(SystemConfig config, PartitionApplication a) throws Exception {
        BoardParts board = new BoardParts(new VirtualClock(), new LockstepExecutor(LockstepExecutor.DEFAULT_GUARD_NANOS),
                line -> { }, config.board().cores(), 1 << 12, WindowListener.NONE);
        return new Driven(Kernel.bootResident(config, board, loader(a, new int[1]), Set.of("a"), new Told()), board);
    }

    private static SimResult resident(SystemConfig config, PartitionApplication a, int[] bStarts, Told told)
            throws Exception {
        return Simulator.of(config, loader(a, bStarts)).residentOnly(Set.of("a"), told).run(3 * FRAME);
    }

    @Test
    void aResidentPartitionsProcessesRunAsUnderTheWholeModuleAndNoOtherPartitionLoads() throws Exception {
        SystemConfig config = system(0, 0, List.of());
        List<String> whole = new ArrayList<>();
        int[] bWhole = {0};
        Simulator.of(config, loader(a(whole, new int[1], 7 * MS, () -> { }), bWhole)).run(3 * FRAME);

        List<String> alone = new ArrayList<>();
        int[] bAlone = {0};
        Told told = new Told();
        SimResult r = resident(config, a(alone, new int[1], 7 * MS, () -> { }), bAlone, told);

        // tick at each frame's opening, work in what a's 5 ms windows leave: 4 ms, then 3 ms in the second window
        assertEquals(List.of("a starts in COLD_START@0", "tick@0", "tick@10", "work done@14", "tick@20"), whole);
        assertEquals(whole, alone);
        assertEquals(1, bWhole[0]);
        assertEquals(0, bAlone[0], "b belongs to another kernel and never loads here");
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("b"));
        assertEquals(List.of(), r.summary().neverRan(), "a partition that runs elsewhere is not one that never ran");
        assertEquals(List.of(BOOT, "mode 0 COLD_START>NORMAL @0"), told.lines);
        assertTrue(Rig.modeChanges(Rig.trace(r), 1).isEmpty(), "b's modes are its own kernel's to trace");
        // the module's kernel runs none of a's processes: only this kernel can tell an operator how a used its windows
        // (tick 1 ms and work 4 ms, then work's last 3 ms and tick, then tick; b's windows are its own kernel's to tell)
        assertEquals(List.of("0 5/5", "0 4/5", "0 1/5"), told.windows);
    }

    @Test
    void aPlanSwitchIsAskedOfTheModuleNotMadeHere() throws Exception {
        Told told = new Told();
        List<String> seen = new ArrayList<>();
        SimResult r = resident(system(0, 0, List.of()), p -> {
            p.createProcess(WORK, () -> seen.add("asked " + p.requestPlanSwitch(new PlanRef("two", 1)) + at(p)))
                    .start();
            p.setMode(PartitionMode.NORMAL);
        }, new int[1], told);

        assertEquals(List.of("asked true@0"), seen);
        assertEquals(List.of(BOOT, "mode 0 COLD_START>NORMAL @0", "plan 1"), told.lines);
        assertEquals(0, r.summary().planSwitches());
        assertEquals("one", r.summary().activePlan());
        assertTrue(Rig.only(Rig.trace(r), TraceEventType.PLAN_SWITCH).isEmpty());
    }

    @Test
    void theKernelFollowsThePlanTheModuleSwitchedToFromTheFrameItSwitchedAt() throws Exception {
        // a's windows: 0-5 ms of each 10 ms frame in plan one, the whole frame in plan two
        Driven k = bootResident(system(0, 0, List.of()), a(new ArrayList<>(), new int[1], 0, () -> { }));
        try {
            k.kernel.runUntil(20 * MS);
            // the module switched core 0 to plan two at its frame end at 20 ms and says so at once
            k.kernel.frameBegun(0, 1, 20 * MS);
            k.kernel.runUntil(41 * MS);
            // said again, or late, when this kernel had already begun the frame at 40 ms: nothing changes
            k.kernel.frameBegun(0, 1, 20 * MS);
            k.kernel.runUntil(45 * MS);
        } finally {
            k.board.executor().shutdown();
        }
        assertEquals(List.of("0 a", "5 b", "10 a", "15 b", "20 a", "30 a", "40 a"), k.windows());
    }

    @Test
    void aSwitchToldAfterThisKernelBeganTheFrameInTheOldPlanIsMadeGood() throws Exception {
        Driven k = bootResident(system(0, 0, List.of()), a(new ArrayList<>(), new int[1], 0, () -> { }));
        try {
            k.kernel.runUntil(26 * MS);
            // here a's window of plan one (20-25) came and went; the module runs plan two since 20 ms
            k.kernel.frameBegun(0, 1, 20 * MS);
            k.kernel.runUntil(35 * MS);
        } finally {
            k.board.executor().shutdown();
        }
        // b's window of plan one, open here at 26 ms, ends; a's window of plan two is open until its planned end
        assertEquals(List.of("0 a", "5 b", "10 a", "15 b", "20 a", "25 b", "26 a", "30 a"), k.windows());
    }

    @Test
    void aKernelThatJoinsLateOpensNoWindowThatIsAlreadyOver() throws Exception {
        Driven k = bootResident(system(0, 0, List.of()), a(new ArrayList<>(), new int[1], 0, () -> { }));
        try {
            // the module's frames began 33 ms before this kernel's time 0 (a partition that came up late): the frame
            // under way began at -3 ms, a's window (-3 to 2 ms) is open, b's (2 to 7 ms) to come
            k.kernel.frameBegun(0, 0, -33 * MS);
            k.kernel.runUntil(20 * MS);
        } finally {
            k.board.executor().shutdown();
        }
        assertEquals(List.of("0 a", "2 b", "7 a", "12 b", "17 a"), k.windows());
    }

    @Test
    void aColdStartIsTheModulesWhileAWarmStartAndAProcessRestartStayHere() throws Exception {
        HmRule restart = new HmRule(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.RESTART_PROCESS, "");
        HmRule cold = new HmRule(ErrorCode.APPLICATION_ERROR, HmLevel.PARTITION, HmAction.COLD_START_PARTITION, "");
        List<HmTable> hm = List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION, restart, cold));
        Told told = new Told();
        List<String> seen = new ArrayList<>();
        int[] starts = {0};
        // work misses its 6 ms deadline in b's window: restarted here, without a new initialisation
        SimResult r = resident(system(6 * MS, 0, hm), a(seen, starts, 7 * MS, () -> { }), new int[1], told);
        assertEquals(1, starts[0]);
        assertTrue(told.lines.contains("hm 0 6 a/work DEADLINE_MISSED PROCESS RESTART_PROCESS"), told.lines.toString());
        assertFalse(told.lines.stream().anyMatch(l -> l.startsWith("cold start")), told.lines.toString());
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("a"));

        // a warm start asked by the partition runs here; a failure whose rule says cold start is the module's
        int[] works = {0};
        Told told2 = new Told();
        List<String> seen2 = new ArrayList<>();
        int[] starts2 = {0};
        PartitionApplication warmThenFail = p -> {
            starts2[0]++;
            seen2.add("a starts in " + p.mode() + at(p));
            p.createProcess(WORK, () -> {
                p.compute(MS);
                if (p.mode() == PartitionMode.NORMAL && starts2[0] == 1) {
                    p.setMode(PartitionMode.WARM_START);
                }
                works[0]++;
                throw new IllegalStateException("failed");
            }).start();
            p.setMode(PartitionMode.NORMAL);
        };
        SimResult r2 = resident(system(0, 0, hm), warmThenFail, new int[1], told2);
        assertEquals(List.of("a starts in COLD_START@0", "a starts in WARM_START@1"), seen2);
        assertEquals(List.of(BOOT, "mode 0 COLD_START>NORMAL @0", "mode 0 NORMAL>WARM_START @1", "mode 0 WARM_START>NORMAL @1",
                "hm 0 2 a/work APPLICATION_ERROR PARTITION COLD_START_PARTITION", "mode 0 NORMAL>COLD_START @2",
                "cold start 0"), told2.lines);
        assertEquals(1, works[0]);
        assertEquals(PartitionMode.COLD_START, r2.summary().modes().get("a"));
    }

    @Test
    void aModuleShutdownOrResetIsAskedOfTheModuleAndStopsThePartitionHere() throws Exception {
        for (HmAction action : List.of(HmAction.SHUTDOWN_MODULE, HmAction.RESET_MODULE)) {
            List<HmTable> hm = List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION,
                    new HmRule(ErrorCode.APPLICATION_ERROR, HmLevel.MODULE, action, "")));
            Told told = new Told();
            List<String> seen = new ArrayList<>();
            int[] starts = {0};
            SimResult r = resident(system(0, 0, hm), a(seen, starts, 2 * MS, () -> {
                throw new IllegalStateException("failed");
            }), new int[1], told);
            String asked = action == HmAction.SHUTDOWN_MODULE ? "shutdown" : "reset";
            assertEquals(List.of(BOOT, "mode 0 COLD_START>NORMAL @0", "hm 0 3 a/work APPLICATION_ERROR MODULE " + action,
                    asked), told.lines, action.toString());
            // tick stopped with the partition: no release after the error, no restart here
            assertEquals(List.of("a starts in COLD_START@0", "tick@0", "work done@3"), seen, action.toString());
            assertEquals(1, starts[0]);
            assertEquals(action == HmAction.SHUTDOWN_MODULE, r.summary().shutdown(), action.toString());
        }
    }

    @Test
    void theBoardsWatchdogIsTheModulesToKeep() throws Exception {
        // a 10 ms frame and a 4 ms board watchdog: the module's kernel would report it expired in every frame
        SystemConfig config = system(0, 4 * MS, List.of());
        SimResult whole = Simulator.of(config, loader(a(new ArrayList<>(), new int[1], MS, () -> { }), new int[1]))
                .run(3 * FRAME);
        assertTrue(whole.summary().hmEvents().stream().anyMatch(e -> e.error() == ErrorCode.WATCHDOG),
                "the whole module's kernel watches the board's watchdog");

        Told told = new Told();
        SimResult r = resident(config, a(new ArrayList<>(), new int[1], MS, () -> { }), new int[1], told);
        assertEquals(List.of(), r.summary().hmEvents());
        assertTrue(Rig.only(Rig.trace(r), TraceEventType.WATCHDOG_KICK).isEmpty());
    }
}
