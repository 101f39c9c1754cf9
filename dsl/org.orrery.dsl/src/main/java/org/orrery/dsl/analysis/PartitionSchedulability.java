// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Frames whose common multiple is more than this many times the shortest are not analysed. */
    private static final long MAX_REPEATS = 1_000;

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
            List<Verdict> verdicts = switch (partition.getPolicy()) {
                case FIXED_PRIORITY -> ResponseTimeAnalysis.fixedPriority(tasks, supply);
                case ROUND_ROBIN -> ResponseTimeAnalysis.roundRobin(tasks, supply);
                case EDF -> DemandBoundAnalysis.edf(tasks, supply);
            };
            for (int i = 0; i < verdicts.size(); i++) {
                results.add(new Result(sources.get(i), plan, verdicts.get(i)));
            }
        }
        return results;
    }

    public static String method(Policy policy) {
        return switch (policy) {
            case FIXED_PRIORITY -> "fixed-priority response-time analysis";
            case ROUND_ROBIN -> "round-robin response-time analysis";
            case EDF -> "EDF demand-bound analysis";
        };
    }

    /** The supply of a partition's windows in one plan, over the common multiple of the frames involved. */
    static Supply supplyOf(List<Window> windows) {
        Map<Long, List<long[]>> byFrame = new TreeMap<>();
        for (Window w : windows) {
            long frame = Units.nanos(((CoreSchedule) w.eContainer()).getMajorFrame());
            long start = Units.nanos(w.getStart());
            byFrame.computeIfAbsent(frame, f -> new ArrayList<>()).add(new long[] {start, start + Units.nanos(w.getDuration())});
        }
        long hyper = 1;
        long smallest = Long.MAX_VALUE;
        for (long f : byFrame.keySet()) {
            if (f <= 0) {
                return null;
            }
            smallest = Math.min(smallest, f);
            hyper = hyper / DemandBoundAnalysis.gcd(hyper, f) * f;
            if (hyper / smallest > MAX_REPEATS) {
                return null;
            }
        }
        List<long[]> intervals = new ArrayList<>();
        for (Map.Entry<Long, List<long[]>> e : byFrame.entrySet()) {
            for (long offset = 0; offset < hyper; offset += e.getKey()) {
                for (long[] i : e.getValue()) {
                    intervals.add(new long[] {offset + i[0], offset + Math.min(i[1], e.getKey())});
                }
            }
        }
        return new Supply(hyper, intervals);
    }
}
