// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
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
import org.orrery.os.bsp.sim.LockstepExecutor;
import org.orrery.os.bsp.sim.VirtualClock;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.BoardParts;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.OperatorDesk;
import org.orrery.os.kernel.PartitionKernels;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.kernel.WindowListener;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/**
 * The module's kernel of a board whose partition a runs in a kernel of its own ({@link Kernel#bootModule}): it opens
 * a's windows but never loads a, starts and stops a through its {@link PartitionKernels}, tells it the frames of a new
 * plan, and follows a's modes and health-monitor events as a's kernel reports them; b runs here as always.
 */
class ModuleKernelTest {
    private static final long FRAME = 10 * MS;

    /** What the board was asked to do for the partitions with kernels of their own. */
    private static final class Asked implements PartitionKernels {
        final List<String> lines = new ArrayList<>();

        @Override
        public void coldStart(int partition) {
            lines.add("cold start " + partition);
        }

        @Override
        public void idle(int partition) {
            lines.add("idle " + partition);
        }

        @Override
        public void frameBegun(int core, int plan, long frameStartNs) {
            lines.add("core " + core + " plan " + plan + " from " + Rig.ms(frameStartNs));
        }
    }

    private record Board(Kernel kernel, BoardParts parts, Asked asked, int[] aLoads, List<String> bTicks,
            OperatorDesk desk) {
        /** Window openings and mode changes of the run, as "ms what". */
        List<String> trace() {
            List<String> out = new ArrayList<>();
            for (TraceBuffer b : kernel.traceBuffers()) {
                b.drainTo((core, t, id, p, f1, f2) -> {
                    String who = p == 0 ? "a" : "b";
                    switch (TraceEventType.fromId(id)) {
                        case WINDOW_START -> out.add(Rig.ms(t) + " " + who);
                        case PARTITION_MODE -> out.add(Rig.ms(t) + " " + who + " " + PartitionMode.values()[(int) f2]);
                        case HM_EVENT -> out.add(Rig.ms(t) + " " + who + " HM " + ErrorCode.values()[(int) f1]);
                        default -> { }
                    }
                });
            }
            return out;
        }

        RunSummary stop() {
            parts.executor().shutdown();
            return kernel.summary();
        }
    }

    /** Core 0: a 0-5 ms, b 5-10 ms of each 10 ms frame in plan one; a alone in plan two. */
    private static Board boot() throws Exception {
        return boot(0);
    }

    /** @param aWatchdogNs the software watchdog period of a (0: none) */
    private static Board boot(long aWatchdogNs) throws Exception {
        return boot(aWatchdogNs, line -> { });
    }

    private static Board boot(long aWatchdogNs, java.util.function.Consumer<String> console) throws Exception {
        PartitionConfig a = Rig.partition("a", 0, List.of(aperiodic("a0", 1)));
        a = new PartitionConfig(a.name(), a.index(), a.cores(), a.memoryBudget(), a.criticality(), a.policy(),
                a.timeSliceNs(), a.entryClass(), a.sourcePath(), aWatchdogNs, a.processes(), a.ports());
        SystemConfig config = Rig.system(
                List.of(a,
                        Rig.partition("b", 1, List.of(periodic("tick", FRAME, FRAME, 1)))),
                List.of(),
                List.of(Rig.plan("one", FRAME, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b")),
                        Rig.plan("two", FRAME, Rig.window(0, 0, FRAME, "a"))),
                List.of(), List.of(new PlanSwitchRule("one", "two", "a")));
        int[] aLoads = {0};
        List<String> bTicks = new ArrayList<>();
        Map<String, Supplier<? extends PartitionApplication>> apps = new LinkedHashMap<>();
        apps.put("a", () -> p -> aLoads[0]++);
        apps.put("b", () -> p -> {
            p.createProcess(new org.orrery.os.api.ProcessRef("tick", 0), () -> {
                while (true) {
                    bTicks.add(Rig.ms(p.now()));
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        });
        BoardParts parts = new BoardParts(new VirtualClock(), new LockstepExecutor(LockstepExecutor.DEFAULT_GUARD_NANOS),
                console, 1, 1 << 12, WindowListener.NONE);
        Asked asked = new Asked();
        OperatorDesk desk = new OperatorDesk();
        Kernel kernel = Kernel.bootModule(config, parts, ApplicationLoader.of(apps), desk, Set.of("a"), asked);
        return new Board(kernel, parts, asked, aLoads, bTicks, desk);
    }

    @Test
    void itKeepsThePartitionsWindowsAndFollowsTheModesItsKernelReports() throws Exception {
        Board board = boot();
        board.kernel.runUntil(7 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.runUntil(20 * MS);
        RunSummary s = board.stop();

        assertEquals(0, board.aLoads[0], "a is loaded by its own kernel only");
        assertEquals(List.of("cold start 0"), board.asked.lines);
        assertEquals(List.of("5", "15"), board.bTicks, "b runs here as on any board");
        // a's NORMAL is not traced here: a's own kernel traced it when it happened
        assertEquals(List.of("0 a COLD_START", "0 b COLD_START", "0 a", "5 b", "5 b NORMAL", "10 a", "15 b"),
                board.trace());
        assertEquals(PartitionMode.NORMAL, s.modes().get("a"));
        assertEquals(List.of(), s.neverRan().stream().filter(n -> n.partition().equals("b")).toList());
    }

    @Test
    void aPlanSwitchAPartitionsKernelAsksForIsMadeHereAndItsFramesAreToldToTheKernels() throws Exception {
        Board board = boot();
        board.kernel.runUntil(3 * MS);
        board.kernel.planRequested(0, 1);
        board.kernel.runUntil(25 * MS);
        RunSummary s = board.stop();

        assertEquals(List.of("cold start 0", "core 0 plan 1 from 10"), board.asked.lines);
        assertEquals("two", s.activePlan());
        assertTrue(board.trace().containsAll(List.of("10 a", "20 a")), "plan two's windows from 10 ms");
    }

    @Test
    void itRecordsTheHealthMonitorEventsAKernelReportsWithoutActingOnThemAgain() throws Exception {
        List<String> printed = new ArrayList<>();
        java.util.concurrent.locks.ReentrantLock[] lock = {null};
        Board board = boot(0, line -> printed.add(
                (lock[0] != null && lock[0].isHeldByCurrentThread() ? "under the kernel's lock: " : "") + line));
        lock[0] = board.parts.executor().lock();
        board.kernel.runUntil(2 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        HmEvent miss = new HmEvent(2 * MS, "a", "a0", ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS,
                HmAction.RESTART_PROCESS, "deadline of a0 missed");
        board.kernel.reportedHm(0, miss);
        board.kernel.runUntil(10 * MS);
        RunSummary s = board.stop();

        assertEquals(List.of(miss), s.hmEvents());
        assertEquals(1, s.deadlineMisses());
        assertEquals(List.of("cold start 0"), board.asked.lines, "a process restart is its kernel's, done there");
        assertTrue(board.trace().stream().noneMatch(l -> l.contains("HM")), "a's kernel traced it: " + board.trace());
        // printed by the reporting thread once it let go of the lock, which the engine of a real-time board waits for
        assertEquals(List.of("[0.002000000] HM: a/a0 DEADLINE_MISSED -> RESTART_PROCESS: deadline of a0 missed"),
                printed.stream().filter(l -> l.contains("HM")).toList());
    }

    /**
     * An operator's desk shows a partition with a kernel of its own as that kernel accounted its last window: the
     * module's kernel runs none of its processes, and showed 0 of every window on the hosted board. The module's own
     * close of a's next window counts it without wiping what a's kernel said.
     */
    @Test
    void theDeskShowsTheWindowUseAPartitionsKernelReported() throws Exception {
        Board board = boot();
        board.kernel.runUntil(2 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.runUntil(6 * MS); // a's window [0, 5 ms) closed here
        board.kernel.reportedWindowUse(0, 5 * MS, 3 * MS); // a's kernel's account of it, a little later
        board.kernel.runUntil(16 * MS); // a's window [10, 15 ms) closed, not reported yet
        OperatorDesk.WindowUse a = board.desk.windowUse().get(0);
        board.stop();

        assertEquals(new OperatorDesk.WindowUse("a", 2, 3 * MS, 5 * MS, PartitionMode.NORMAL), a);
        assertThrows(IllegalArgumentException.class, () -> board.kernel.reportedWindowUse(1, 5 * MS, MS),
                "b runs in this kernel, which accounts its windows itself");
    }

    /**
     * A DEADLINE_MISSED or WINDOW_OVERRUN a partition's application raised (fault injection) is listed but is no miss
     * or overrun of the run, as a kernel that runs the partition itself counts it (the hosted board counted it, the
     * simulated one did not: satellite-obc's summaries differed).
     */
    @Test
    void anErrorAPartitionsApplicationRaisedIsListedButNotCountedAsAMissOrOverrun() throws Exception {
        Board board = boot();
        board.kernel.runUntil(2 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        HmEvent miss = new HmEvent(2 * MS, "a", "a0", ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS,
                HmAction.RESTART_PROCESS, "injected", true);
        HmEvent overrun = new HmEvent(3 * MS, "a", "a0", ErrorCode.WINDOW_OVERRUN, HmLevel.PROCESS, HmAction.LOG,
                "injected", true);
        board.kernel.reportedHm(0, miss);
        board.kernel.reportedHm(0, overrun);
        board.kernel.runUntil(10 * MS);
        RunSummary s = board.stop();

        assertEquals(List.of(miss, overrun), s.hmEvents());
        assertEquals(0, s.deadlineMisses(), s.format());
        assertEquals(0, s.overruns(), s.format());
    }

    /**
     * A cold start a partition's kernel asks for: that kernel traced and told the partition's change to COLD_START, so
     * the module does not trace it again; a cold start the module makes itself (the operator's restart here) it traces.
     * The hosted trace had NORMAL→COLD_START and then COLD_START→COLD_START at each cold start its kernel asked for.
     */
    @Test
    void aColdStartAPartitionsKernelAskedForIsTracedThereNotAgainHere() throws Exception {
        Board board = boot();
        board.kernel.runUntil(2 * MS);
        board.trace(); // the boot's
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.reportedMode(0, PartitionMode.COLD_START); // as its kernel tells it before it asks
        board.kernel.coldStartRequested(0);
        board.kernel.runUntil(4 * MS);
        List<String> asked = modesOfA(board.trace());
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.desk.submit(OperatorDesk.Action.RESTART, "a", "test");
        board.kernel.runUntil(6 * MS);
        List<String> restarted = modesOfA(board.trace());
        board.stop();

        assertEquals(List.of(), asked);
        assertEquals(1, restarted.size(), restarted.toString());
        assertTrue(restarted.get(0).endsWith(" a COLD_START"), restarted.toString());
        assertEquals(List.of("cold start 0", "cold start 0", "cold start 0"), board.asked.lines);
    }

    private static List<String> modesOfA(List<String> trace) {
        return trace.stream().filter(l -> l.matches("\\S+ a (COLD_START|WARM_START|NORMAL|IDLE)")).toList();
    }

    @Test
    void aColdStartALossAndAnOperatorsStopGoToTheBoard() throws Exception {
        Board board = boot();
        board.kernel.runUntil(2 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.coldStartRequested(0);
        board.kernel.runUntil(4 * MS);
        assertEquals(PartitionMode.COLD_START, board.kernel.mode(0));
        // lost while initialising: the default action for an error in a partition's initialisation idles it
        board.kernel.partitionLost(0, ErrorCode.APPLICATION_ERROR, "partition process ended unexpectedly (status 1)");
        board.kernel.runUntil(6 * MS);
        assertEquals(PartitionMode.IDLE, board.kernel.mode(0));
        // the operator starts it again; then lost in NORMAL: logged, and a cold start brings it back
        board.desk.submit(OperatorDesk.Action.START, "a", "test");
        board.kernel.runUntil(8 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.partitionLost(0, ErrorCode.APPLICATION_ERROR, "partition process ended unexpectedly (status 1)");
        board.kernel.runUntil(9 * MS);
        board.desk.submit(OperatorDesk.Action.STOP, "a", "test");
        board.kernel.runUntil(12 * MS);
        RunSummary s = board.stop();

        assertEquals(List.of("cold start 0", "cold start 0", "idle 0", "cold start 0", "cold start 0", "idle 0"),
                board.asked.lines);
        assertEquals(PartitionMode.IDLE, s.modes().get("a"));
        assertEquals(0, board.aLoads[0]);
    }

    @Test
    void aLossIsTheErrorOfTheProcessThatHeldACoreWhenItNamesOneOfThePartitions() throws Exception {
        Board board = boot();
        board.kernel.runUntil(2 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.partitionLost(0, "a0", ErrorCode.MEMORY_VIOLATION, "killed by the out-of-memory killer");
        board.kernel.runUntil(4 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL);
        board.kernel.partitionLost(0, "b0", ErrorCode.APPLICATION_ERROR, "ended unexpectedly (status 1)");
        board.kernel.runUntil(6 * MS);
        RunSummary s = board.stop();

        List<String> hm = s.hmEvents().stream().map(e -> e.partition() + "/" + e.process() + " " + e.error()).toList();
        // a name the partition has no process of (b's, or garbage from a JVM killed while writing it) names none
        assertEquals(List.of("a/a0 MEMORY_VIOLATION", "a/ APPLICATION_ERROR"), hm);
        assertEquals(List.of("cold start 0", "cold start 0", "cold start 0"), board.asked.lines);
    }

    @Test
    void thePartitionsSoftwareWatchdogIsItsKernelsNotTheModules() throws Exception {
        Board board = boot(3 * MS);
        board.kernel.runUntil(2 * MS);
        board.kernel.reportedMode(0, PartitionMode.NORMAL); // a's kernel armed and kicks it; nothing here does
        board.kernel.runUntil(30 * MS);
        RunSummary s = board.stop();

        assertEquals(List.of(), s.hmEvents(), "no expiry of a watchdog only a's kernel is kicked in");
        assertEquals(List.of("cold start 0"), board.asked.lines);
    }

    @Test
    void onlyAPartitionThatRunsElsewhereMayReport() throws Exception {
        Board board = boot();
        try {
            assertThrows(IllegalArgumentException.class, () -> board.kernel.reportedMode(1, PartitionMode.IDLE));
            assertThrows(IllegalArgumentException.class, () -> board.kernel.planRequested(2, 0));
            assertThrows(IllegalArgumentException.class, () -> board.kernel.planRequested(0, 7));
        } finally {
            board.stop();
        }
    }
}
