// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.Semaphore;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.ModuleLink;

/**
 * Runs a throwaway partition kernel for a moment in a partition process that has just started, before it says hello:
 * the kernel's code paths a process's activation takes (release, dispatch, compute, waits, the watchdog, a semaphore)
 * are loaded and compiled then, not in the partition's first windows. Without it flight-control's {@code control}
 * missed the deadline of its first activation in every start of a partition process with a kernel of its own, and the
 * missed watchdog kick that followed cold started {@code fcs} again and again.
 */
final class KernelWarmUp {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Long enough for the compiler's thresholds on a few hundred activations; paid before the board's time. */
    private static final long RUN_NANOS = 100 * MS;

    private KernelWarmUp() {
    }

    static void run() throws ConfigException, BoardException {
        PartitionKernel k = PartitionKernel.boot(system(), "warmup", ApplicationLoader.of(java.util.Map.of("warmup",
                () -> p -> {
                    Semaphore s = p.createSemaphore("s", 0, 1, QueuingDiscipline.FIFO);
                    p.createProcess(new ProcessRef("tick", 0), () -> {
                        while (true) {
                            p.now();
                            p.compute(50_000);
                            p.kickWatchdog();
                            s.release();
                            p.periodicWait();
                        }
                    }).start();
                    p.createProcess(new ProcessRef("tock", 1), () -> {
                        while (true) {
                            s.acquire(2 * MS);
                            p.timedWait(200_000);
                        }
                    }).start();
                    p.setMode(PartitionMode.NORMAL);
                })), SILENT, line -> { }, 0, null);
        long base = System.nanoTime();
        k.start(base);
        k.frameBegun(0, 0, 0);
        k.runAsItIs(() -> System.nanoTime() - base >= RUN_NANOS);
    }

    private static SystemConfig system() {
        PartitionConfig p = new PartitionConfig("warmup", 0, List.of(0), 8L << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "warmup", "", 0,
                List.of(new ProcessConfig("tick", ProcessKind.PERIODIC, MS, MS, 10, 0, 65536),
                        new ProcessConfig("tock", ProcessKind.APERIODIC, 0, 0, 5, 0, 65536)),
                List.of());
        PlanConfig plan = new PlanConfig("warmup", List.of(new CoreFrame(0, 4 * MS)),
                List.of(new WindowConfig(0, 0, 3 * MS, "warmup")));
        BoardConfig board = new BoardConfig("hosted", 1, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        return new SystemConfig("warmup", board, List.of(), List.of(p), List.of(), List.of(plan), "warmup", List.of(),
                List.of(), List.of(), List.of());
    }

    /** The throwaway kernel's module hears nothing. */
    private static final ModuleLink SILENT = new ModuleLink() {
        @Override
        public void modeChanged(int partition, PartitionMode from, PartitionMode to, long timeNs) {
        }

        @Override
        public void hmEvent(int partition, HmEvent event) {
        }

        @Override
        public void windowUsed(int partition, long windowNs, long busyNs) {
        }

        @Override
        public void planRequested(int plan) {
        }

        @Override
        public void coldStartRequested(int partition) {
        }

        @Override
        public void shutdownRequested() {
        }

        @Override
        public void resetRequested() {
        }
    };
}
