// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.ModuleLink;

/**
 * A partition's own kernel in real time, in this JVM (no cgroup: nothing freezes it, so its windows are only its
 * kernel's): its processes are released at its windows' openings on the module's clock, computed time is served only
 * in its windows, and the module hears its mode changes; no other partition loads.
 */
class PartitionKernelTest {
    private static final long FRAME = 40 * MS;

    /** What the module was told. */
    private static final class Told implements ModuleLink {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void modeChanged(int partition, PartitionMode from, PartitionMode to, long timeNs) {
            lines.add("mode " + partition + " " + from + ">" + to);
        }

        @Override
        public void hmEvent(int partition, HmEvent event) {
            lines.add("hm " + partition + " " + event.error());
        }

        @Override
        public void windowUsed(int partition, long windowNs, long busyNs) {
            // not what these tests look at
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

    @Test
    void aPartitionsProcessesRunInItsWindowsOnTheModulesClock() throws Exception {
        // core 0: a 0-20 ms, b 20-40 ms of each 40 ms frame; a's tick is released at each of its windows' openings,
        // its work needs 30 ms of processor
        PartitionConfig a = new PartitionConfig("a", 0, List.of(0), 8L << 20, org.orrery.os.config.Criticality.C,
                org.orrery.os.config.SchedulingPolicy.FIXED_PRIORITY, 0, "test.a", "", 0,
                List.of(new ProcessConfig("tick", ProcessKind.PERIODIC, FRAME, FRAME, 10, 0, 65536),
                        new ProcessConfig("work", ProcessKind.APERIODIC, 0, 0, 5, 0, 65536)),
                List.of());
        PartitionConfig b = HostedSystems.partition("b", 1, 0, "Ticker", FRAME);
        SystemConfig config = HostedSystems.system(FRAME, List.of(a, b), List.of(),
                List.of(new WindowConfig(0, 0, 20 * MS, "a"), new WindowConfig(0, 20 * MS, 20 * MS, "b")));
        List<Long> ticks = Collections.synchronizedList(new ArrayList<>());
        long[] workDone = {-1};
        AtomicInteger bLoads = new AtomicInteger();
        PartitionApplication app = p -> {
            p.createProcess(new ProcessRef("tick", 0), () -> {
                while (true) {
                    ticks.add(p.now());
                    p.compute(MS);
                    p.periodicWait();
                }
            }).start();
            p.createProcess(new ProcessRef("work", 1), () -> {
                p.compute(30 * MS);
                workDone[0] = p.now();
            }).start();
            p.setMode(PartitionMode.NORMAL);
        };
        ApplicationLoader loader = ApplicationLoader.of(Map.of("a", () -> app, "b", () -> q -> bLoads.incrementAndGet()));
        Told told = new Told();
        PartitionKernel.warmUp();
        // the module's time began 5 ms ago: this kernel joins the frame under way, inside a's first window
        long base = System.nanoTime() - 5 * MS;
        PartitionKernel k = PartitionKernel.boot(config, "a", loader, told, line -> { }, 0, null);
        k.start(base);
        long bootedAt = System.nanoTime() - base;
        k.frameBegun(0, 0, 0);
        long end = base + 10 * FRAME;
        k.run(() -> System.nanoTime() >= end);

        assertEquals(0, bLoads.get(), "b is another process's");
        assertEquals(List.of("mode 0 COLD_START>COLD_START", "mode 0 COLD_START>NORMAL"), told.lines);
        String seen = "ticks " + ticks + ", work " + workDone[0] + ", booted " + bootedAt;
        // Released at each opening of a's window from its first after NORMAL, every frame, each run within a few ms
        // of its frame's start on this loaded machine (a cold JVM's initialisation may take a frame or two).
        assertTrue(ticks.size() >= 6, seen);
        for (int i = 0; i < ticks.size(); i++) {
            assertTrue(ticks.get(i) % FRAME < 15 * MS, "tick " + i + " late: " + seen);
            if (i > 0) {
                assertEquals(FRAME, ticks.get(i) / FRAME * FRAME - ticks.get(i - 1) / FRAME * FRAME, seen);
            }
        }
        // work's 30 ms of processor are served in a's windows only (0-20 ms of each frame), so it ends in one
        assertTrue(workDone[0] > 0 && workDone[0] % FRAME <= 20 * MS, seen);
    }

    @Test
    void whileADebuggerIsAttachedAProcessThatHoldsItsCoreBeyondTheGuardIsNoOverrun() throws Exception {
        assertEquals(List.of(), spinPastItsWindow(true), "a thread stopped at a breakpoint holds its core so");
        assertTrue(spinPastItsWindow(false).contains("hm 0 WINDOW_OVERRUN"), "without a debugger it overruns");
    }

    /** What the module hears while a's process spins in its own code from its window's opening past the window. */
    private static List<String> spinPastItsWindow(boolean debugged) throws Exception {
        PartitionConfig a = new PartitionConfig("a", 0, List.of(0), 8L << 20, org.orrery.os.config.Criticality.C,
                org.orrery.os.config.SchedulingPolicy.FIXED_PRIORITY, 0, "test.a", "", 0,
                List.of(new ProcessConfig("spin", ProcessKind.APERIODIC, 0, 0, 10, 0, 65536)), List.of());
        SystemConfig config = HostedSystems.system(FRAME, List.of(a, HostedSystems.partition("b", 1, 0, "Ticker", FRAME)),
                List.of(), List.of(new WindowConfig(0, 0, 20 * MS, "a"), new WindowConfig(0, 20 * MS, 20 * MS, "b")));
        PartitionApplication app = p -> {
            p.createProcess(new ProcessRef("spin", 0), () -> {
                long until = System.nanoTime() + 2 * FRAME;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // no kernel call: as a thread at a breakpoint makes none
                }
                p.timedWait(10 * FRAME);
            }).start();
            p.setMode(PartitionMode.NORMAL);
        };
        Told told = new Told();
        PartitionKernel.warmUp();
        PartitionKernel k = PartitionKernel.boot(config, "a", ApplicationLoader.of(Map.of("a", () -> app)), told,
                line -> { }, 5 * MS, null);
        k.debugger(debugged);
        long base = System.nanoTime();
        k.start(base);
        k.frameBegun(0, 0, 0);
        k.run(() -> System.nanoTime() >= base + 4 * FRAME);
        return told.lines.stream().filter(l -> l.startsWith("hm ")).toList();
    }
}
