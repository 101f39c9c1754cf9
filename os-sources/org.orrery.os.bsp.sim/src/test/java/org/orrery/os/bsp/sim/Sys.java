// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/** Small builders for test configurations (the DSL is not needed to test the kernel). */
final class Sys {
    static final long MS = 1_000_000L;
    static final long US = 1_000L;

    private Sys() {
    }

    static BoardConfig board(int cores) {
        return new BoardConfig("sim", cores, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
    }

    static BoardConfig board(int cores, long hwWatchdogNs) {
        return new BoardConfig("sim", cores, 1L << 40, 1_000, true, List.of(), hwWatchdogNs, 0, List.of());
    }

    static PartitionConfig partition(String name, int index, int core, SchedulingPolicy policy, long slice,
            long watchdog, List<ProcessConfig> processes, List<PortConfig> ports) {
        return new PartitionConfig(name, index, List.of(core), 1 << 20, Criticality.C, policy, slice, "test." + name,
                "", watchdog, processes, ports);
    }

    static PartitionConfig partition(String name, int index, int core, List<ProcessConfig> processes,
            List<PortConfig> ports) {
        return partition(name, index, core, SchedulingPolicy.FIXED_PRIORITY, 0, 0, processes, ports);
    }

    static ProcessConfig periodic(String name, long period, long deadline, int priority) {
        return new ProcessConfig(name, ProcessKind.PERIODIC, period, deadline, priority, 0, 65536);
    }

    static ProcessConfig aperiodic(String name, long deadline, int priority) {
        return new ProcessConfig(name, ProcessKind.APERIODIC, 0, deadline, priority, 0, 65536);
    }

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

    static SystemConfig system(BoardConfig board, List<PartitionConfig> partitions, List<ChannelConfig> channels,
            List<PlanConfig> plans, List<HmTable> hm, List<PlanSwitchRule> rules) {
        return new SystemConfig("test", board, List.of(), partitions, channels, plans, plans.get(0).name(), rules, hm,
                List.of(), List.of());
    }

    static ApplicationLoader apps(Map<String, Supplier<? extends PartitionApplication>> apps) {
        return ApplicationLoader.of(apps);
    }

    /** One trace event, for assertions. */
    record Ev(int core, long t, TraceEventType type, long f0, long f1, long f2) {
    }

    static List<Ev> events(SimResult r) {
        List<Ev> out = new ArrayList<>();
        for (TraceBuffer b : r.traces()) {
            b.drainTo((core, t, id, a, bb, c) -> out.add(new Ev(core, t, TraceEventType.fromId(id), a, bb, c)));
        }
        return out;
    }

    static List<Ev> events(List<Ev> all, TraceEventType type) {
        return all.stream().filter(e -> e.type() == type).toList();
    }

    /** A hash over every trace event of every core plus the console. */
    static long hash(SimResult r) {
        CRC32 crc = new CRC32();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(44);
        for (TraceBuffer b : r.traces()) {
            b.drainTo((core, t, id, a, bb, c) -> {
                buf.clear();
                buf.putInt(core).putLong(t).putInt(id).putLong(a).putLong(bb).putLong(c);
                crc.update(buf.array(), 0, buf.position());
            });
        }
        for (String line : r.console()) {
            crc.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return crc.getValue();
    }
}
