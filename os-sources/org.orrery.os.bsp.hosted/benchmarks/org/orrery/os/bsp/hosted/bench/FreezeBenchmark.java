// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.orrery.os.bsp.hosted.BoardUnavailableException;
import org.orrery.os.bsp.hosted.linux.BoardGroup;
import org.orrery.os.bsp.hosted.linux.Cgroups;
import org.orrery.os.bsp.hosted.linux.FreezeInterface;
import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.bsp.hosted.linux.PartitionGroup;

/**
 * Freeze and thaw latency of a partition group holding a spinning JVM, for each freeze interface the machine
 * offers: from the freeze write to the kernel confirming every task stopped, and from the thaw write to the
 * group reading thawed. The measuring thread is SCHED_FIFO, like the board's window timer, and pinned to the last
 * core; the partition runs on the other cores. It polls for confirmation without sleeping, which is only
 * harmless because the partition is elsewhere: a real-time thread polling on the partition's own core keeps the
 * tasks from reaching the point where they freeze (tails of tens of ms measured that way).
 * Arguments: [cycles (2000)] [frozen/thawed time per half-cycle in µs (500)] [jvm|sh: the partition is a
 * spinning JVM (default) or a spinning shell, one task].
 */
public final class FreezeBenchmark {
    private FreezeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long halfNs = (args.length > 1 ? Long.parseLong(args[1]) : 500) * 1000;
        boolean jvm = args.length < 3 || !args[2].equals("sh");
        Cgroups cgroups = Cgroups.detect();
        System.out.println("cgroups: " + cgroups.describe());
        System.out.println(Load.now());
        int last = Runtime.getRuntime().availableProcessors() - 1;
        BitSet timerCpu = new BitSet();
        timerCpu.set(last);
        Linux.lockAllMemory();
        Linux.pinCurrentThread(timerCpu);
        Linux.setFifo(80);
        for (FreezeInterface kind : FreezeInterface.values()) {
            Cgroups c;
            try {
                c = cgroups.freezeWith(kind);
            } catch (BoardUnavailableException e) {
                System.out.println(kind + ": not offered here (" + e.getMessage() + ")");
                continue;
            }
            run(c, kind, cycles, halfNs, jvm);
        }
        Linux.setOther();
    }

    private static void run(Cgroups cgroups, FreezeInterface kind, int cycles, long halfNs, boolean jvm)
            throws Exception {
        BitSet cpus = new BitSet();
        cpus.set(0, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process spinner = (jvm ? new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Spinner.class.getName()) : new ProcessBuilder("sh", "-c", "read go; while :; do :; done")).start();
        try (BoardGroup board = cgroups.createBoard("orrery-bench-" + ProcessHandle.current().pid())) {
            PartitionGroup p = board.partition("spinner", 256L << 20, 256, cpus);
            p.add(spinner.pid());
            spinner.getOutputStream().write('\n');
            spinner.getOutputStream().flush();
            Thread.sleep(1000); // the spinner JVM finishes starting and compiles its loop
            Histogram freezeWrite = new Histogram(100_000);
            Histogram frozen = new Histogram(100_000);
            Histogram thawWrite = new Histogram(100_000);
            Histogram thawed = new Histogram(100_000);
            for (int i = 0; i < cycles; i++) {
                long t0 = System.nanoTime();
                p.freeze();
                long t1 = System.nanoTime();
                while (!p.frozen()) {
                    Thread.onSpinWait();
                }
                long t2 = System.nanoTime();
                Linux.sleepUntil(t2 + halfNs);
                long t3 = System.nanoTime();
                p.thaw();
                long t4 = System.nanoTime();
                while (p.frozen()) {
                    Thread.onSpinWait();
                }
                long t5 = System.nanoTime();
                Linux.sleepUntil(t5 + halfNs);
                if (i >= cycles / 10) { // the first tenth warms up the JIT
                    freezeWrite.record(t1 - t0);
                    frozen.record(t2 - t0);
                    thawWrite.record(t4 - t3);
                    thawed.record(t5 - t3);
                }
            }
            String threads = Files.readAllLines(Path.of("/proc/" + spinner.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("Threads:")).findFirst().orElse("?").replaceAll("\\s+", " ");
            System.out.println(kind + " (spinning " + (jvm ? "JVM" : "shell") + ", " + threads + ", " + cycles
                    + " cycles):");
            System.out.println("  freeze write            " + freezeWrite.summary());
            System.out.println("  freeze -> frozen        " + frozen.summary());
            System.out.println("  thaw write              " + thawWrite.summary());
            System.out.println("  thaw -> reads thawed    " + thawed.summary());
        } finally {
            spinner.destroyForcibly();
        }
    }
}
