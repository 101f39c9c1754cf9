// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.bsp.hosted.linux.Linux;

/**
 * Periodic wake-up lateness of a pinned SCHED_FIFO Java thread sleeping with clock_nanosleep(TIMER_ABSTIME) every
 * period, against cyclictest (rt-tests) with the same period, priority, core and duration. The two alternate in
 * rounds, so a change in the machine's load (it is shared) hits both alike. Lateness = wake-up time minus target,
 * truncated to µs as cyclictest does.
 * Arguments: [seconds each (10)] [cpu (1)] [period µs (1000)] [priority (80)] [rounds (2)].
 */
public final class WakeupBenchmark {
    /** A histogram line: the bin, then one count per thread (space, then tabs). */
    private static final Pattern BIN = Pattern.compile("^(\\d+)((?:\\s+\\d+)+)$");
    private static final Pattern OVERFLOWS = Pattern.compile("^# Histogram Overflows:((?:\\s+\\d+)+)");
    private static final Pattern MAX = Pattern.compile("^# Max Latencies:((?:\\s+\\d+)+)");

    private WakeupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int cpu = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int periodUs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int priority = args.length > 3 ? Integer.parseInt(args[3]) : 80;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int perRound = Math.max(1, seconds / rounds);
        System.out.printf("period %d us, core %d, SCHED_FIFO %d, %d x %d s each; %s%n", periodUs, cpu, priority,
                rounds, perRound, Load.now());
        Histogram java = new Histogram(100_000);
        Histogram cyclic = new Histogram(100_000);
        for (int r = 0; r < rounds; r++) {
            javaThread(java, perRound, cpu, periodUs * 1000L, priority);
            cyclictest(cyclic, perRound, cpu, periodUs, priority);
        }
        System.out.println("java         " + java.summary());
        System.out.println("cyclictest   " + cyclic.summary());
        System.out.printf("ratio java/cyclictest: p50 %.2f  p99 %.2f  max %.2f  (goal p99 <= 1.5: %s)%n",
                ratio(java.percentileMicros(0.5), cyclic.percentileMicros(0.5)),
                ratio(java.percentileMicros(0.99), cyclic.percentileMicros(0.99)),
                ratio(java.maxMicros(), cyclic.maxMicros()),
                java.percentileMicros(0.99) <= 1.5 * cyclic.percentileMicros(0.99) ? "met" : "NOT met");
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static void javaThread(Histogram h, int seconds, int cpu, long periodNs, int priority) throws Exception {
        Exception[] failure = new Exception[1];
        Thread t = Thread.ofPlatform().name("wakeup").start(() -> {
            try {
                BitSet one = new BitSet();
                one.set(cpu);
                Linux.lockAllMemory();
                Linux.pinCurrentThread(one);
                Linux.setFifo(priority);
                long next = Linux.monotonicNanos();
                int warmup = (int) (1_000_000_000L / periodNs); // one second for the JIT
                long loops = warmup + seconds * 1_000_000_000L / periodNs;
                for (long i = 0; i < loops; i++) {
                    next += periodNs;
                    Linux.sleepUntil(next);
                    long late = Linux.monotonicNanos() - next;
                    if (i >= warmup) {
                        h.record(late);
                    }
                }
                Linux.setOther();
                Linux.unlockAllMemory();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    static void cyclictest(Histogram h, int seconds, int cpu, int periodUs, int priority) throws Exception {
        collect(startCyclictest(seconds, Integer.toString(cpu), periodUs, priority), h);
    }

    /**
     * cyclictest started in the background (histogram output), one thread per processor in {@code cpus} (e.g. "0" or
     * "0,1"); {@link #collect} reads it when it ends.
     */
    static Process startCyclictest(int seconds, String cpus, int periodUs, int priority) throws IOException {
        List<String> cmd = List.of("cyclictest", "-m", "-p", Integer.toString(priority), "-i",
                Integer.toString(periodUs), "-a", cpus, "-t", Integer.toString(cpus.split(",").length), "-D",
                seconds + "s", "-q", "-h", "100000");
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * Reads a cyclictest histogram, waiting for the process to end: every thread's samples into {@code h[0]} when
     * one histogram is given, else thread i's into {@code h[i]}.
     */
    static void collect(Process p, Histogram... h) throws Exception {
        long[] overflows = new long[h.length];
        long[] maxUs = new long[h.length];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null;) {
                Matcher m;
                if ((m = BIN.matcher(line)).matches()) {
                    long[] n = perThread(m.group(2), h.length, java.util.stream.LongStream::sum);
                    for (int i = 0; i < h.length; i++) {
                        h[i].add(Integer.parseInt(m.group(1)), n[i]);
                    }
                } else if ((m = OVERFLOWS.matcher(line)).find()) {
                    overflows = perThread(m.group(1), h.length, java.util.stream.LongStream::sum);
                } else if ((m = MAX.matcher(line)).find()) {
                    maxUs = perThread(m.group(1), h.length, x -> x.max().orElse(0));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("cyclictest exited with " + p.exitValue());
        }
        for (int i = 0; i < h.length; i++) {
            h[i].overflowsWithMax(overflows[i], maxUs[i]);
        }
    }

    /** A line's per-thread columns: as they are for {@code histograms} threads, else all folded into one. */
    private static long[] perThread(String columns, int histograms,
            java.util.function.ToLongFunction<java.util.stream.LongStream> fold) {
        long[] all = numbers(columns).toArray();
        if (histograms == 1) {
            return new long[] {fold.applyAsLong(java.util.Arrays.stream(all))};
        }
        if (all.length != histograms) {
            throw new IllegalStateException("cyclictest printed " + all.length + " columns for " + histograms
                    + " threads");
        }
        return all;
    }

    private static java.util.stream.LongStream numbers(String columns) {
        return java.util.Arrays.stream(columns.strip().split("\\s+")).mapToLong(Long::parseLong);
    }
}
