// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * RESTART_PROCESS of a process whose thread runs its own code in its partition JVM (a Java thread cannot be stopped
 * from outside): the thread is told to unwind and does at its next call, the process starts again in the same JVM,
 * and the partition keeps its process. Only a thread that makes no call within the board's guard costs the
 * partition its JVM. Before, any such restart killed the partition JVM, and the restart became a cold start of the
 * whole partition (flight-control's {@code fcs} on a slow first activation).
 */
class HostedProcessRestartTest {
    /** The guard: how long the stopped thread may run on without a call (also the overrun allowance). */
    private static final long GUARD = 300 * MS;

    /**
     * Runs until {@code done} printed and both neighbours ticked on (20 s at most: a cold JVM on a loaded host). over's
     * process has a period and deadline of 100 ms (50 ms of its windows): a restart's new start has time for its first
     * activation, which makes a thread on each side and calls cold code (with 20 ms, every new start missed its first
     * deadline on this machine and was restarted again).
     */
    private static RunSummary run(String app, String done, BoardWatch watch, TraceSink trace) throws Exception {
        SystemConfig base = HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("over", 0, 0, app, 100 * MS),
                HostedSystems.partition("near", 1, 0, "Ticker", 20 * MS),
                HostedSystems.partition("far", 2, 1, "Ticker", 20 * MS)));
        HmTable table = new HmTable("over", SystemState.PROCESS_EXECUTION,
                List.of(new HmRule(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.RESTART_PROCESS, "")));
        SystemConfig config = new SystemConfig(base.name(), base.board(), base.memoryRegions(), base.partitions(),
                base.channels(), base.plans(), base.initialPlan(), base.planSwitchRules(), List.of(table),
                base.services(), base.vms());
        byte[] apps = HostedSystems.apps();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("over", apps, "near", apps, "far", apps), 20_000 * MS, watch::line,
                () -> watch.printed(done) && watch.printed("near: tick 20") && watch.printed("far: tick 20"), trace,
                GUARD));
        System.out.print(s.format());
        return s;
    }

    @Test
    void aProcessRestartedInItsOwnCodeStartsAgainInTheSameJvmAtItsNextCall() throws Exception {
        BoardWatch watch = new BoardWatch();
        List<String> overEvents = Collections.synchronizedList(new ArrayList<>());
        RunSummary s = run("Overstayer", "over: tick 10", watch, (core, t, type, f0, f1, f2) -> {
            if (f0 == 0 && type == TraceEventType.HM_EVENT.id()) {
                overEvents.add(t + " HM");
            } else if (f0 == 0 && f1 == 0 && type == TraceEventType.PROCESS_STATE.id()) {
                overEvents.add(t + " " + ProcessState.values()[(int) f2]);
            }
        });
        List<String> console = watch.lines();
        String all = s.format() + String.join("\n", console);
        // only restarts of the process: no failure, no loss of the partition process
        List<HmEvent> over = s.hmEvents().stream().filter(e -> e.partition().equals("over")).toList();
        assertTrue(!over.isEmpty(), all);
        for (HmEvent e : over) {
            assertEquals(ErrorCode.DEADLINE_MISSED, e.error(), all);
            assertEquals(HmAction.RESTART_PROCESS, e.action(), all);
        }
        assertTrue(console.stream().noneMatch(l -> l.contains("lost its partition process")), all);
        // The deadline fell on a window's opening of "over" (releases at openings, a 100 ms deadline, a 20 ms frame):
        // the restart released the process at that planned instant, at once, although the board measured the miss a
        // little later; not at the next opening, a frame later.
        List<String> events = List.copyOf(overEvents);
        int hm = IntStream.range(0, events.size()).filter(i -> events.get(i).endsWith(" HM")).findFirst().orElseThrow();
        String at = events.get(hm).split(" ")[0];
        assertEquals(List.of(at + " DORMANT", at + " READY"), events.subList(hm + 1, hm + 3), events.toString());
        // every state traced is a change (a kernel's events of one instant were once written out of order, in the
        // trace of a partition with a kernel of its own: DORMANT, RUNNING, READY, and READY again at the window's end)
        List<String> states = events.stream().filter(e -> !e.endsWith(" HM")).map(e -> e.split(" ")[1]).toList();
        for (int i = 1; i < states.size(); i++) {
            assertNotEquals(states.get(i - 1), states.get(i), "state " + i + " of " + events);
        }
        // one start spun past its deadline; it was restarted and its next call unwound it (never served)
        List<String> spun = console.stream().filter(l -> l.contains("over: spinning in start ")).toList();
        assertEquals(1, spun.size(), all);
        int spinner = Integer.parseInt(spun.get(0).substring(spun.get(0).lastIndexOf(' ') + 1));
        assertTrue(console.stream().noneMatch(l -> l.contains("spin ended")), all);
        // the next start counted on from it: the same partition JVM, not a new one (which would count from 1)
        assertTrue(console.stream().anyMatch(l -> l.endsWith("over: start " + (spinner + 1))), all);
        assertTrue(console.stream().filter(l -> l.endsWith("over: start 1")).count() <= 1, all);
        assertTrue(console.stream().anyMatch(l -> l.contains("over: tick 10")), all);
        assertEquals(PartitionMode.NORMAL, s.modes().get("over"));
        assertEquals(0, s.overruns(), all);
        for (String p : List.of("near", "far")) {
            assertTrue(console.stream().anyMatch(l -> l.contains(p + ": tick 20")), p + " stopped: " + all);
        }
    }

    /** The partition kernel's guard ends the partition process. */
    @Test
    void aRestartedProcessWhoseThreadNeverCallsAgainCostsItsPartitionTheJvmAfterTheGuard() throws Exception {
        BoardWatch watch = new BoardWatch();
        RunSummary s = run("Runaway", "over lost its partition process", watch, null);
        List<String> console = watch.lines();
        List<HmEvent> misses = s.hmEvents().stream()
                .filter(e -> e.partition().equals("over") && e.error() == ErrorCode.DEADLINE_MISSED).toList();
        assertTrue(!misses.isEmpty(), s.format());
        // the partition process was killed for it, and the partition cold-started in a new one
        assertTrue(console.stream().anyMatch(l -> l.contains("ran its own code for 300 ms more without a call that "
                + "would unwind it; its partition process was killed")), String.join("\n", console));
        assertTrue(console.stream().anyMatch(l -> l.contains("over lost its partition process")),
                String.join("\n", console));
        for (String p : List.of("near", "far")) {
            assertTrue(console.stream().anyMatch(l -> l.contains(p + ": tick 20")), p + " stopped: " + console);
        }
    }
}
