// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.orrery.os.api.ProcessState;
import org.orrery.os.bsp.hosted.HostedBoardSupport;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * The board benchmark's system with the board's trace: deadline misses per second of the run and, per job (release to
 * {@code periodicWait}), the time its process held its core, against the 100 us it declares. The trace goes to
 * preallocated arrays (the sink runs on the engine thread) and is read after the run.
 * Usage: MissBenchmark OS_API_JAR_DIR OS_PARTITION_DIR BENCH_CLASSES [SECONDS]
 */
public final class MissBenchmark {
    private static final int CAPACITY = 8_000_000;
    private static final int PARTITIONS = 4;

    private MissBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Map<String, byte[]> os = BoardBenchmark.osModules(args);
        byte[] app = BoardBenchmark.jar(Path.of(args[2]), "org/orrery/os/bsp/hosted/bench/BoardTicker");
        SystemConfig config = BoardBenchmark.system();
        Map<String, byte[]> apps = new TreeMap<>();
        config.partitions().forEach(p -> apps.put(p.name(), app));
        Recorder r = new Recorder();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, os, apps, seconds * 1_000_000_000L,
                line -> { }, null, r, 0));
        System.out.println(s.format().lines().filter(l -> !l.startsWith("  HM")).reduce("", (a, b) -> a + b + "\n"));
        r.summarise(seconds);
    }

    /** Keeps the events this benchmark reads; drops the rest once full (counted). */
    private static final class Recorder implements TraceSink {
        final long[] time = new long[CAPACITY];
        final int[] type = new int[CAPACITY];
        final int[] partition = new int[CAPACITY];
        final int[] value = new int[CAPACITY];
        int n;
        long dropped;

        @Override
        public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
            if (typeId != TraceEventType.PROCESS_STATE.id() && typeId != TraceEventType.HM_EVENT.id()) {
                return;
            }
            if (n == CAPACITY) {
                dropped++;
                return;
            }
            time[n] = timestampNs;
            type[n] = typeId;
            partition[n] = (int) f0;
            value[n] = (int) f2;
            n++;
        }

        void summarise(int seconds) {
            if (n == 0) {
                System.out.println("no trace events");
                return;
            }
            long t0 = time[0];
            int[] missesPerSecond = new int[seconds + 1];
            long[] held = new long[n];
            int jobs = 0;
            int[] state = new int[PARTITIONS];
            long[] since = new long[PARTITIONS];
            long[] job = new long[PARTITIONS];
            boolean[] inJob = new boolean[PARTITIONS];
            for (int i = 0; i < n; i++) {
                int p = partition[i];
                if (p < 0 || p >= PARTITIONS) {
                    continue;
                }
                if (type[i] == TraceEventType.HM_EVENT.id()) {
                    missesPerSecond[(int) Math.min(seconds, (time[i] - t0) / 1_000_000_000L)]++;
                    continue;
                }
                int s = value[i];
                if (state[p] == ProcessState.RUNNING.ordinal()) {
                    job[p] += time[i] - since[p];
                }
                if (s == ProcessState.READY.ordinal() && state[p] == ProcessState.WAITING.ordinal()) {
                    inJob[p] = true; // released
                    job[p] = 0;
                } else if (s == ProcessState.WAITING.ordinal() && inJob[p]) {
                    inJob[p] = false; // periodicWait
                    held[jobs++] = job[p];
                }
                state[p] = s;
                since[p] = time[i];
            }
            System.out.println("deadline misses per second of the run: " + Arrays.toString(missesPerSecond));
            long[] h = Arrays.copyOf(held, jobs);
            Arrays.sort(h);
            if (jobs > 0) {
                System.out.printf("core held per job (declared 100 us): p10 %d us, p50 %d us, p90 %d us, p99 %d us"
                        + " over %d jobs%n", h[jobs / 10] / 1000, h[jobs / 2] / 1000, h[jobs * 9 / 10] / 1000,
                        h[jobs * 99 / 100] / 1000, jobs);
            }
            if (dropped > 0) {
                System.out.println("trace events dropped (arrays full): " + dropped);
            }
        }
    }
}
