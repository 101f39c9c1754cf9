// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.orrery.dsl.model.ConfigEnums;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Policy;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.Window;

/**
 * Runs the analysis that fits a partition's policy over its windows, plan by plan: the one place the
 * validator (errors) and the editor (hover) get response times from.
 */
public final class PartitionSchedulability {

    public record Result(Process process, Plan plan, Verdict verdict) {
    }

    private PartitionSchedulability() {
    }

    /**
     * One result per analysable process (periodic, or aperiodic with a minimum inter-arrival {@code period})
     * and per plan in which the partition has windows.
     */
    public static List<Result> analyse(Partition partition, SystemView system) {
        List<Task> tasks = new ArrayList<>();
        List<Process> sources = new ArrayList<>();
        for (Process p : partition.getProcesses()) {
            long period = Units.nanos(p.getPeriod());
            if (period <= 0) {
                continue; // an aperiodic process without a minimum inter-arrival time cannot be bounded
            }
            long deadline = p.getDeadline() != null ? Units.nanos(p.getDeadline()) : period;
            tasks.add(new Task(p.getName(), period, deadline, Units.nanos(p.getWcet()), p.getPriority()));
            sources.add(p);
        }
        List<Result> results = new ArrayList<>();
        if (tasks.isEmpty()) {
            return results;
        }
        for (Plan plan : system.plans()) {
            List<Window> windows = system.windowsOf(plan).get(partition);
            Supply supply = windows == null ? null : supplyOf(windows);
            if (supply == null) {
                continue;
            }
            List<Verdict> verdicts = ConfigSchedulability.verdicts(ConfigEnums.policy(partition.getPolicy()), tasks, supply);
            for (int i = 0; i < verdicts.size(); i++) {
                results.add(new Result(sources.get(i), plan, verdicts.get(i)));
            }
        }
        return results;
    }

    public static String method(Policy policy) {
        return ConfigSchedulability.method(ConfigEnums.policy(policy));
    }

    /** The supply of a partition's windows in one plan, over the common multiple of the frames involved. */
    static Supply supplyOf(List<Window> windows) {
        Map<Long, List<long[]>> byFrame = new TreeMap<>();
        for (Window w : windows) {
            long frame = Units.nanos(((CoreSchedule) w.eContainer()).getMajorFrame());
            long start = Units.nanos(w.getStart());
            byFrame.computeIfAbsent(frame, f -> new ArrayList<>()).add(new long[] {start, start + Units.nanos(w.getDuration())});
        }
        return Supply.repeating(byFrame);
    }
}
