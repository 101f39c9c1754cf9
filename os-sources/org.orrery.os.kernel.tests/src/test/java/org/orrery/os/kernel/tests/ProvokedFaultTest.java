// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;

/**
 * Faults provoked for real, not raised with raiseError: a process overrunning its WCET into a deadline miss
 * (the timer path), unbounded recursion, a division by zero, and a fault during initialisation. Each gets the
 * action its health monitor table configures, at the exact virtual time. (Calls into another partition:
 * {@link CrossPartitionTest}.)
 */
class ProvokedFaultTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    private static final ProcessRef CTL = new ProcessRef("ctl", 0);

    private static List<HmTable> table(ErrorCode error, HmLevel level, HmAction action) {
        return List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION, Rig.rule(error, level, action)));
    }

    /** Partition "a" with {@code processes} in [0,3) and an empty "b" in [3,10) of a 10 ms frame. */
    private static SystemConfig sharedCore(List<HmTable> hm, ProcessConfig... processes) {
        return Rig.system(List.of(Rig.partition("a", 0, List.of(processes)), Rig.partition("b", 1, List.of())),
                List.of(), List.of(Rig.plan("main", 10 * MS, Rig.window(0, 0, 3 * MS, "a"),
                        Rig.window(0, 3 * MS, 7 * MS, "b"))), hm, List.of());
    }

    @Test
    void overrunningTheWcetMissesTheDeadlineAndRestartsTheProcess() throws Exception {
        // Period 10 ms, deadline 4 ms, declared WCET 1 ms; the first release computes 6 ms.
        ProcessConfig ctl = new ProcessConfig("ctl", ProcessKind.PERIODIC, 10 * MS, 4 * MS, 5, MS, 65536);
        List<String> seen = new ArrayList<>();
        int[] releases = {0};
        SimResult r = Rig.runSolo(Rig.soloEvery(10 * MS, table(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS,
                HmAction.RESTART_PROCESS), ctl), p -> {
            p.createErrorHandler(() -> seen.add("handler " + p.errorStatus().code() + " of "
                    + p.errorStatus().process().name() + at(p)));
            p.createProcess(CTL, () -> {
                while (true) {
                    releases[0]++;
                    seen.add("release " + releases[0] + at(p));
                    p.compute(releases[0] == 1 ? 6 * MS : MS);
                    seen.add("done" + at(p));
                    p.periodicWait();
                }
            }).start();
        });
        // The miss is detected at 4 ms although the process is still computing; the restart releases it as its
        // partition's window opens again (10, 20 ...).
        assertEquals(List.of("release 1@0", "handler DEADLINE_MISSED of ctl@4", "release 2@10", "done@11",
                "release 3@20", "done@21"), seen.subList(0, 6));
        assertEquals(List.of("4 a/ctl DEADLINE_MISSED PROCESS RESTART_PROCESS"), Rig.hm(r));
        assertEquals(1, r.summary().deadlineMisses());
    }

    @Test
    void aDeadlinePassingWhileTheWindowIsClosedIsMissedOnTimeAndWarmStartsThePartition() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] starts = {0};
        SimResult r = Rig.run(sharedCore(table(ErrorCode.DEADLINE_MISSED, HmLevel.PARTITION,
                HmAction.WARM_START_PARTITION), aperiodic("main", 4 * MS, 5)), 30 * MS, Map.of("b", p -> { }, "a", p -> {
                    starts[0]++;
                    seen.add("start " + starts[0] + " in " + p.mode() + at(p));
                    if (starts[0] == 1) {
                        // 3 ms fit in the window; the deadline at 4 ms passes while "b" has the core.
                        p.createProcess(MAIN, () -> p.compute(6 * MS)).start();
                    }
                }));
        assertEquals(List.of("start 1 in COLD_START@0", "start 2 in WARM_START@10"), seen);
        assertEquals(List.of("4 a/main DEADLINE_MISSED PARTITION WARM_START_PARTITION"), Rig.hm(r));
        assertEquals(List.of("0 COLD_START>COLD_START", "0 COLD_START>NORMAL", "4 NORMAL>WARM_START",
                "10 WARM_START>NORMAL"), Rig.modeChanges(Rig.trace(r), 0));
        assertEquals(1, r.summary().deadlineMisses());
    }

    private static int depth(int n) {
        return n < 0 ? 0 : 1 + depth(n + 1);
    }

    @Test
    void unboundedRecursionIsAStackOverflowAndColdStartsThePartition() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] starts = {0};
        SimResult r = Rig.runSolo(Rig.solo(table(ErrorCode.STACK_OVERFLOW, HmLevel.PARTITION,
                HmAction.COLD_START_PARTITION), aperiodic("main", 5)), p -> {
                    starts[0]++;
                    seen.add("start " + starts[0] + at(p));
                    p.createProcess(MAIN, () -> {
                        p.timedWait(2 * MS);
                        if (starts[0] == 1) {
                            seen.add("depth " + depth(0));
                        }
                    }).start();
                });
        assertEquals(List.of("start 1@0", "start 2@2"), seen);
        assertEquals(List.of("2 a/main STACK_OVERFLOW PARTITION COLD_START_PARTITION"), Rig.hm(r));
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("a"));
    }

    // Recursions through kernel calls, with frames of different sizes: the overflow strikes at varied points
    // of the call, inside the kernel too.

    private static int viaNow(Partition p, int n) {
        p.now();
        return 1 + viaNow(p, n + 1);
    }

    private static long viaMode(Partition p, long a, long b) {
        p.mode();
        return 1 + viaMode(p, a + 1, b);
    }

    private static long viaCurrentProcess(Partition p, long a, long b, long c, long d) {
        p.currentProcess();
        return 1 + viaCurrentProcess(p, a + 1, b, c, d);
    }

    private static long viaNowWide(Partition p, long a, long b, long c, long d, long e, long f, long g) {
        p.now();
        return 1 + viaNowWide(p, a + 1, b, c, d, e, f, g);
    }

    /**
     * An overflow can strike while the process is inside a kernel call holding the kernel lock; the board must
     * not hang (it did in about half of such runs before the executor released a lock left by an ended body).
     */
    @Test
    void recursionThroughKernelCallsIsAStackOverflowNeverAHungBoard() {
        int n = 32;
        ProcessConfig[] processes = new ProcessConfig[n];
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Stacks of 512 KiB + 4 KiB steps: the overflow falls at a different offset of the call each time.
            processes[i] = new ProcessConfig("p" + i, ProcessKind.APERIODIC, 0, 0, 5, 0, (512 + 4 * (i / 4)) * 1024L);
            expected.add("1 a/p" + i + " STACK_OVERFLOW PROCESS LOG");
        }
        SimResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Rig.runSolo(Rig.solo(processes), p -> {
            for (int i = 0; i < n; i++) {
                int variant = i % 4;
                p.createProcess(new ProcessRef("p" + i, i), () -> {
                    p.timedWait(MS);
                    switch (variant) {
                        case 0 -> viaNow(p, 0);
                        case 1 -> viaMode(p, 0, 0);
                        case 2 -> viaCurrentProcess(p, 0, 0, 0, 0);
                        default -> viaNowWide(p, 0, 0, 0, 0, 0, 0, 0);
                    }
                }).start();
            }
        }));
        assertEquals(expected, Rig.hm(r));
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("a"));
    }

    @Test
    void divisionByZeroIsANumericErrorAndIdlesOnlyItsPartition() throws Exception {
        SystemConfig c = Rig.system(List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5))),
                Rig.partition("b", 1, List.of(periodic("tick", 10 * MS, 0, 5)))), List.of(),
                List.of(Rig.plan("main", 10 * MS, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b"))),
                table(ErrorCode.NUMERIC_ERROR, HmLevel.PARTITION, HmAction.IDLE_PARTITION), List.of());
        List<String> seen = new ArrayList<>();
        int[] divisor = {0};
        SimResult r = Rig.run(c, 30 * MS, Map.of(
                "a", p -> p.createProcess(MAIN, () -> {
                    p.timedWait(3 * MS);
                    seen.add("a computes " + 10 / divisor[0]);
                }).start(),
                "b", p -> p.createProcess(new ProcessRef("tick", 0), () -> {
                    while (true) {
                        seen.add("b" + at(p));
                        p.periodicWait();
                    }
                }).start()));
        assertEquals(List.of("b@5", "b@15", "b@25"), seen);
        assertEquals(List.of("3 a/main NUMERIC_ERROR PARTITION IDLE_PARTITION"), Rig.hm(r));
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("a"));
    }

    @Test
    void aFaultDuringInitialisationIdlesThePartitionByDefault() throws Exception {
        int[] divisor = {0};
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            p.compute(MS);
            p.log("never " + 1 / divisor[0]);
        });
        assertEquals(List.of("1 a/init NUMERIC_ERROR PARTITION IDLE_PARTITION"), Rig.hm(r));
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("a"));
    }
}
