// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/**
 * The bench of the kernel service tests: small configurations built in code (the language is not needed
 * to test the kernel), in-test partition applications run on the simulated board, and the records the
 * assertions read. Applications write what they saw, stamped with virtual time, into a plain list: the
 * board runs one process at a time, so no synchronisation is needed.
 */
final class Rig {
    static final long MS = 1_000_000L;
    static final long US = 1_000L;
    /** The one frame of {@link #solo}: long enough that no test reaches a window boundary by accident. */
    static final long FRAME = 100 * MS;

    private Rig() {
    }

    // ---- configuration

    static ProcessConfig aperiodic(String name, int priority) {
        return aperiodic(name, 0, priority);
    }

    static ProcessConfig aperiodic(String name, long deadline, int priority) {
        return new ProcessConfig(name, ProcessKind.APERIODIC, 0, deadline, priority, 0, 65536);
    }

    static ProcessConfig periodic(String name, long period, long deadline, int priority) {
        return new ProcessConfig(name, ProcessKind.PERIODIC, period, deadline, priority, 0, 65536);
    }

    /** A fixed-priority partition on core 0. */
    static PartitionConfig partition(String name, int index, List<ProcessConfig> processes, PortConfig... ports) {
        return partition(name, index, 0, processes, ports);
    }

    static PartitionConfig partition(String name, int index, int core, List<ProcessConfig> processes,
            PortConfig... ports) {
        return new PartitionConfig(name, index, List.of(core), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test." + name, "", 0, processes, List.of(ports));
    }

    /** Partition "a" alone on one core; its window is the whole frame, so only processes decide timing. */
    static SystemConfig solo(ProcessConfig... processes) {
        return solo(List.of(), processes);
    }

    /** As {@link #solo(ProcessConfig...)} with another scheduling policy (round robin: 1 ms slices). */
    static SystemConfig solo(SchedulingPolicy policy, ProcessConfig... processes) {
        PartitionConfig a = new PartitionConfig("a", 0, List.of(0), 1 << 20, Criticality.C, policy,
                policy == SchedulingPolicy.ROUND_ROBIN ? MS : 0, "test.a", "", 0, List.of(processes), List.of());
        return system(List.of(a), List.of(), List.of(plan("main", FRAME, window(0, 0, FRAME, "a"))), List.of(),
                List.of());
    }

    /** As {@link #solo(ProcessConfig...)} with health monitor tables. */
    static SystemConfig solo(List<HmTable> hm, ProcessConfig... processes) {
        return soloEvery(FRAME, hm, processes);
    }

    /**
     * As {@link #solo(List, ProcessConfig...)} with a major frame of {@code frame}: the partition's window opens every
     * {@code frame}, and a periodic process started in NORMAL mode has its first release at the next opening.
     */
    static SystemConfig soloEvery(long frame, List<HmTable> hm, ProcessConfig... processes) {
        return system(List.of(partition("a", 0, List.of(processes))), List.of(),
                List.of(plan("main", frame, window(0, 0, frame, "a"))), hm, List.of());
    }

    static SystemConfig system(List<PartitionConfig> partitions, List<ChannelConfig> channels, List<PlanConfig> plans,
            List<HmTable> hm, List<PlanSwitchRule> rules) {
        int cores = 1 + partitions.stream().flatMap(p -> p.cores().stream()).mapToInt(Integer::intValue).max()
                .orElse(0);
        BoardConfig board = new BoardConfig("sim", cores, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        return new SystemConfig("test", board, List.of(), partitions, channels, plans, plans.get(0).name(), rules, hm,
                List.of(), List.of());
    }

    /** A plan whose every core used by {@code windows} has the major frame {@code frame}. */
    static PlanConfig plan(String name, long frame, WindowConfig... windows) {
        List<CoreFrame> frames = new ArrayList<>();
        for (WindowConfig w : windows) {
            if (frames.stream().noneMatch(f -> f.core() == w.core())) {
                frames.add(new CoreFrame(w.core(), frame));
            }
        }
        return new PlanConfig(name, frames, List.of(windows));
    }

    static WindowConfig window(int core, long start, long duration, String partition) {
        return new WindowConfig(core, start, duration, partition);
    }

    static HmTable hm(String partition, SystemState state, HmRule... rules) {
        return new HmTable(partition, state, List.of(rules));
    }

    static HmRule rule(ErrorCode error, HmLevel level, HmAction action) {
        return new HmRule(error, level, action, "");
    }

    // ---- running

    /** Runs {@code config} for {@code durationNs}; each partition gets the same application at every start. */
    static SimResult run(SystemConfig config, long durationNs, Map<String, PartitionApplication> apps)
            throws ConfigException {
        Map<String, Supplier<? extends PartitionApplication>> factories = new LinkedHashMap<>();
        apps.forEach((name, app) -> factories.put(name, () -> app));
        return run(config, durationNs, ApplicationLoader.of(factories));
    }

    /**
     * Runs {@code config} with {@code loader}, for tests that tell cold from warm starts. The board's default
     * wall-clock guard stays: a shorter one could turn a slow moment of this shared machine into an overrun.
     */
    static SimResult run(SystemConfig config, long durationNs, ApplicationLoader loader) throws ConfigException {
        return Simulator.of(config, loader).run(durationNs);
    }

    /** Runs partition "a" of a {@link #solo} system for one frame. */
    static SimResult runSolo(SystemConfig config, PartitionApplication app) throws ConfigException {
        return run(config, FRAME, Map.of("a", app));
    }

    // ---- what the tests assert on

    /** "refused" when the call threw {@link IllegalRequestException}, else "ok". */
    static String attempt(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (IllegalRequestException e) {
            return "refused";
        }
    }

    /** "refused", or "ok " and the call's result. */
    static String attemptGet(Supplier<?> call) {
        try {
            return "ok " + call.get();
        } catch (IllegalRequestException e) {
            return "refused";
        }
    }

    /** Virtual time in milliseconds, without trailing zeros ("3", "2.5"). */
    static String ms(long ns) {
        return BigDecimal.valueOf(ns).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** "@" and the partition's current time in ms: the stamp of every line an application records. */
    static String at(Partition p) {
        return "@" + ms(p.now());
    }

    /** Every health monitor event as "time partition/process ERROR LEVEL ACTION". */
    static List<String> hm(SimResult r) {
        return r.summary().hmEvents().stream().map(Rig::hm).toList();
    }

    static String hm(HmEvent e) {
        return ms(e.timeNs()) + " " + e.partition() + "/" + e.process() + " " + e.error() + " " + e.level() + " "
                + e.action();
    }

    /** {@code n} copies of {@code line}: the same refusal reported several times at one instant. */
    static List<String> times(int n, String line) {
        return Collections.nCopies(n, line);
    }

    /** One trace event of a run. */
    record Ev(int core, long t, TraceEventType type, long f0, long f1, long f2) {
    }

    /** Every trace event of a run, core by core in time order (drains the buffers: call once per run). */
    static List<Ev> trace(SimResult r) {
        List<Ev> out = new ArrayList<>();
        for (TraceBuffer b : r.traces()) {
            b.drainTo((core, t, id, a, bb, c) -> out.add(new Ev(core, t, TraceEventType.fromId(id), a, bb, c)));
        }
        return out;
    }

    static List<Ev> only(List<Ev> events, TraceEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    /** The mode changes of partition {@code index} as "time FROM>TO". */
    static List<String> modeChanges(List<Ev> events, int index) {
        return only(events, TraceEventType.PARTITION_MODE).stream().filter(e -> e.f0() == index)
                .map(e -> ms(e.t()) + " " + PartitionMode.values()[(int) e.f1()] + ">"
                        + PartitionMode.values()[(int) e.f2()])
                .toList();
    }

    /** A refusal of partition "a"'s process {@code process} at {@code t} ms, with the default handling. */
    static String refusal(String t, String process) {
        return t + " a/" + process + " ILLEGAL_REQUEST PROCESS LOG";
    }
}
