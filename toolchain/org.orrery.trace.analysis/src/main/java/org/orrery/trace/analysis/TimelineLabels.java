// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.List;
import java.util.Locale;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;

/** Names and times as an integrator reads them: configuration names instead of table indexes. */
public final class TimelineLabels {

    private final SystemConfig config;

    public TimelineLabels(SystemConfig config) {
        this.config = config;
    }

    public String partition(long index) {
        List<PartitionConfig> ps = config.partitions();
        if (index == -1) {
            return "module";
        }
        return index >= 0 && index < ps.size() ? ps.get((int) index).name() : "partition#" + index;
    }

    public String plan(long index) {
        return index >= 0 && index < config.plans().size() ? config.plans().get((int) index).name() : "plan#" + index;
    }

    public String port(long partition, long port) {
        if (partition >= 0 && partition < config.partitions().size()) {
            PartitionConfig p = config.partitions().get((int) partition);
            if (port >= 0 && port < p.ports().size()) {
                return p.name() + "." + p.ports().get((int) port).name();
            }
        }
        return partition(partition) + ".port#" + port;
    }

    public String process(long partition, long process) {
        if (partition >= 0 && partition < config.partitions().size()) {
            PartitionConfig p = config.partitions().get((int) partition);
            if (process >= 0 && process < p.processes().size()) {
                return p.name() + "." + p.processes().get((int) process).name();
            }
        }
        return partition(partition) + ".process#" + process;
    }

    /** One line describing a point event, e.g. {@code HM nav: DEADLINE_MISSED -> RESTART_PROCESS}. */
    public String describe(TimelineMarker m) {
        return switch (m.type()) {
            case PORT_SEND -> "send " + port(m.f0(), m.f1()) + " (" + m.f2() + " B)";
            case PORT_RECEIVE -> "receive " + port(m.f0(), m.f1()) + " (" + m.f2() + " B)";
            case PORT_OVERFLOW -> "overflow " + port(m.f0(), m.f1()) + " (" + m.f2() + " dropped)";
            case HM_EVENT -> "HM " + partition(m.f0()) + ": " + ordinal(ErrorCode.values(), m.f1()) + " -> "
                    + ordinal(HmAction.values(), m.f2());
            case WATCHDOG_KICK -> "watchdog kick " + partition(m.f0());
            case WATCHDOG_EXPIRED -> "watchdog expired " + partition(m.f0());
            case PARTITION_MODE -> partition(m.f0()) + ": " + ordinal(PartitionMode.values(), m.f1()) + " -> "
                    + ordinal(PartitionMode.values(), m.f2());
            case PLAN_SWITCH -> "plan " + plan(m.f0()) + " -> " + plan(m.f1());
            case USER_EVENT -> "user event " + m.f1() + " = " + m.f2() + " (" + partition(m.f0()) + ")";
            default -> m.type().ctfName();
        };
    }

    /** A time in the unit that keeps three decimals readable: 12.500 ms, 1.250 s, 750 ns. */
    public static String time(long ns) {
        long abs = Math.abs(ns);
        if (abs >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
        }
        if (abs >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
        }
        if (abs >= 1_000L) {
            return String.format(Locale.ROOT, "%.3f us", ns / 1e3);
        }
        return ns + " ns";
    }

    private static String ordinal(Enum<?>[] values, long ordinal) {
        return ordinal >= 0 && ordinal < values.length ? values[(int) ordinal].name() : "#" + ordinal;
    }
}
