// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.hosted.linux.KernelPreemption;
import org.orrery.os.config.Limits;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.RunSummary;

/** The hosted board runs real partition processes in real time, confined to cgroups frozen outside their windows. */
class HostedBoardTest {

    private static RunSummary run(SystemConfig config, long durationNs, List<String> console) throws Exception {
        return run(config, durationNs, console, 0);
    }

    private static RunSummary run(SystemConfig config, long durationNs, List<String> console, long overrunNs)
            throws Exception {
        byte[] apps = HostedSystems.apps();
        Map<String, byte[]> jars = new java.util.HashMap<>();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(), jars, durationNs,
                console::add, null, null, overrunNs));
        System.out.print(s.format());
        return s;
    }

    @Test
    void wellBehavedPartitionsRunInTheirWindowsAndTheBoardSaysHowLateTheyOpened() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(HostedSystems.partition("a", 0, 0, "Ticker", 20 * MS),
                HostedSystems.partition("b", 1, 0, "Ticker", 20 * MS), HostedSystems.partition("c", 2, 1, "Ticker", 20 * MS)));
        BoardWatch watch = new BoardWatch();
        // the board asks whether to stop before board time starts and after each 10 ms slice; the run lasts at least
        // 2 s and goes on (30 s at most) until every partition printed its 10th tick: a cold partition JVM initialises
        // only in its own windows, which took over a second of board time on a loaded CI host
        int[] asked = {0};
        byte[] apps = HostedSystems.apps();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("a", apps, "b", apps, "c", apps), 30_000 * MS, watch::line, () -> ++asked[0] > 200
                        && List.of("a", "b", "c").stream().allMatch(p -> watch.printed(p + ": tick 10")), null, 0));
        System.out.print(s.format());
        List<String> console = watch.lines();
        for (String p : List.of("a", "b", "c")) {
            assertTrue(console.stream().anyMatch(l -> l.contains(p + ": tick 10")), p + " never ran: " + console);
        }
        long slices = asked[0] - 1;
        // 20 ms frames: a, b alternate in 10 ms windows on core 0 (one per slice), c has one per frame on core 1; every
        // window planned to start before the run's end opened, none skipped (2 s: 300 windows)
        assertEquals(slices + (slices + 1) / 2, s.windowsRun(), slices + " slices of 10 ms: " + s.format());
        assertEquals(0, s.overruns(), s.format());
        assertEquals(Map.of("a", PartitionMode.NORMAL, "b", PartitionMode.NORMAL, "c", PartitionMode.NORMAL), s.modes());
        assertTrue(s.boardReport().stream().anyMatch(l -> l.startsWith("window-start lateness core 0: p50 ")),
                s.boardReport().toString());
        // the start's phases in the order they happen, so an integrator sees which one the wait was
        String phases = "machine checked, partition runtime ready, engine real-time, kernel booted, "
                + "partition kernels booted, edges warmed up, heap collected";
        String timed = ".*\\(" + phases.replace(",", " at \\d+ ms,") + " at \\d+ ms\\)";
        assertTrue(s.boardReport().stream().anyMatch(l -> l.startsWith("board start to first window: ")
                && l.matches(timed)), s.boardReport().toString());
        // on JDK 25 the partition JVMs map the runtime's AOT cache (made by the first board of this runtime)
        String start = Runtime.version().feature() >= 25 ? "partition JVMs start from the AOT cache "
                : "partition JVMs start without an AOT cache (JDK before 25)";
        assertTrue(s.boardReport().stream().anyMatch(l -> l.startsWith(start)), s.boardReport().toString());
        // the kernel's preemption model bounds how late an edge can be: the report says which one this machine runs
        String preemption = "kernel preemption: " + KernelPreemption.detect().describe();
        assertTrue(s.boardReport().contains(preemption), s.boardReport().toString());
    }

    @Test
    void aSpinningPartitionIsFrozenAtItsWindowsEndAndOverrunsWhileItsNeighboursGoOn() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("spin", 0, 0, "Spinner", 20 * MS),
                HostedSystems.partition("near", 1, 0, "Ticker", 20 * MS),
                HostedSystems.partition("far", 2, 1, "Ticker", 20 * MS)));
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        // spin spins from its second activation in 10 ms windows: with an allowance of 100 ms of its own code (the
        // board's default is 1 s) it overruns in its 11th window
        // 3 s, not the 1.5 s the overrun needs: a whole-schedule stall of about a second has been seen on this
        // machine (unexplained; benchmarks/README.md), and the neighbours must still be seen to go on after it
        RunSummary s = run(config, 3000 * MS, console, 100 * MS);
        List<HmEvent> overruns = s.hmEvents().stream().filter(e -> e.error() == ErrorCode.WINDOW_OVERRUN).toList();
        assertEquals(1, overruns.size(), s.format());
        assertTrue(overruns.get(0).toString().contains("spin/main"), s.format());
        // the default action for an overrun: the partition goes IDLE, its process killed with its JVM
        assertEquals(PartitionMode.IDLE, s.modes().get("spin"));
        assertEquals(PartitionMode.NORMAL, s.modes().get("near"));
        assertEquals(PartitionMode.NORMAL, s.modes().get("far"));
        assertEquals(450, s.windowsRun(), s.format());
        // a partition JVM starts late on a loaded host (far's first tick came at 0.92 s once): ask for ticks that
        // show it ran on after spin's overrun, not for a count that only an idle host gives
        for (String p : List.of("near", "far")) {
            assertTrue(console.stream().anyMatch(l -> l.contains(p + ": tick 20")), p + " stopped running: " + console);
        }
    }

    /**
     * The run ends while spin's process runs its own code (its overrun allowance is longer than the run): the board
     * then ends the partition process with the rest, which is the board's doing, not a failure of the process. It was
     * reported as one after the summary, on the console: {@code HM: spin/main APPLICATION_ERROR -> ...: uncaught
     * partition process ended unexpectedly (status 0)}.
     */
    @Test
    void aProcessInItsOwnCodeWhenTheRunEndsIsNotReportedAsFailedByTheBoardsClose() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("spin", 0, 0, "Spinner", 20 * MS),
                HostedSystems.partition("near", 1, 1, "Ticker", 20 * MS)));
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        run(config, 600 * MS, console, 60_000 * MS);
        // the kernel-side thread of spin/main learns of its partition process's end on its own, after the close
        Thread.sleep(1500);
        List<String> failed;
        synchronized (console) {
            failed = console.stream().filter(l -> l.contains("partition process ended")).toList();
        }
        assertEquals(List.of(), failed, String.join("\n", console));
    }

    @Test
    void aProcessBlockedInItsOwnCodeOverrunsThoughItUsesNoProcessor() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("block", 0, 0, "Blocker", 20 * MS),
                HostedSystems.partition("near", 1, 0, "Ticker", 20 * MS)));
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        // Time the partition waited for a processor is not charged to its code; a blocked process waits for none,
        // so its windows count in full: 100 ms of allowance in 10 ms windows, an overrun in its 11th window (3 s
        // leave room for a cold JVM on a loaded host).
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("block", HostedSystems.apps(), "near", HostedSystems.apps()), 3000 * MS, console::add,
                () -> false, null, 100 * MS));
        System.out.print(s.format());
        List<HmEvent> overruns = s.hmEvents().stream().filter(e -> e.error() == ErrorCode.WINDOW_OVERRUN).toList();
        assertEquals(1, overruns.size(), s.format());
        assertTrue(overruns.get(0).toString().contains("block/main"), s.format());
        assertEquals(PartitionMode.IDLE, s.modes().get("block"));
        assertEquals(PartitionMode.NORMAL, s.modes().get("near"));
        assertTrue(console.stream().anyMatch(l -> l.contains("block: about to block")), console.toString());
    }

    @Test
    void aWindowShorterThanTheBoardHonoursIsRefusedAtBootWithTheMeasuredFigure() {
        // two partitions in a 1.5 ms frame: windows of 0.75 ms
        SystemConfig config = HostedSystems.system(1_500_000L, List.of(HostedSystems.partition("a", 0, 0, "Ticker", 20 * MS),
                HostedSystems.partition("b", 1, 0, "Ticker", 20 * MS)));
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> run(config, 100 * MS, new ArrayList<>()));
        assertEquals("plan " + config.plans().get(0).name() + ", core 0: the window of a at 0 ms lasts 0.75 ms, shorter than "
                + "the 1 ms the hosted board honours: " + Limits.HOSTED_MIN_WINDOW_REASON, e.getMessage());
    }
}
