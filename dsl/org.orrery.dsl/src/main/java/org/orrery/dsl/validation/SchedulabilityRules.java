// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.analysis.DemandBoundAnalysis;
import org.orrery.dsl.analysis.ResponseTimeAnalysis;
import org.orrery.dsl.analysis.Supply;
import org.orrery.dsl.analysis.Task;
import org.orrery.dsl.analysis.Verdict;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Policy;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.Window;

/**
 * Schedulability of each partition's processes inside its windows, per plan: response-time analysis for
 * fixed priority and round robin, demand-bound analysis for EDF. The error names the process and its
 * computed response time against its deadline.
 */
public class SchedulabilityRules extends OrreryRules {

    @Check
    public void unschedulable(Partition partition) {
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
        if (tasks.isEmpty()) {
            return;
        }
        Set<Process> reported = new HashSet<>();
        SystemView system = system(partition);
        for (Plan plan : system.plans()) {
            List<Window> windows = system.windowsOf(plan).get(partition);
            Supply supply = windows == null ? null : SupplyOf.windows(windows);
            if (supply == null) {
                continue;
            }
            List<Verdict> verdicts = switch (partition.getPolicy()) {
                case FIXED_PRIORITY -> ResponseTimeAnalysis.fixedPriority(tasks, supply);
                case ROUND_ROBIN -> ResponseTimeAnalysis.roundRobin(tasks, supply);
                case EDF -> DemandBoundAnalysis.edf(tasks, supply);
            };
            for (int i = 0; i < verdicts.size(); i++) {
                Verdict v = verdicts.get(i);
                Process p = sources.get(i);
                if (!v.schedulable() && reported.add(p)) {
                    String response = v.unbounded() ? "is unbounded" : Units.formatNanos(v.responseTime());
                    error("Process " + q(Naming.qualified(p)) + " is not schedulable in plan " + q(plan.getName())
                            + ": worst-case response time " + response + (v.unbounded() ? ", deadline " : " exceeds its deadline ")
                            + Units.formatNanos(v.task().deadline()) + " (" + analysis(partition.getPolicy()) + ").",
                            p, Literals.PROCESS__NAME, OrreryIssueCodes.UNSCHEDULABLE);
                }
            }
        }
    }

    private static String analysis(Policy policy) {
        return switch (policy) {
            case FIXED_PRIORITY -> "fixed-priority response-time analysis";
            case ROUND_ROBIN -> "round-robin response-time analysis";
            case EDF -> "EDF demand-bound analysis";
        };
    }

    /** Builds the supply of a partition's windows in one plan, over the hyperperiod of the frames involved. */
    static final class SupplyOf {

        private static final long MAX_REPEATS = 1_000;

        private SupplyOf() {
        }

        static Supply windows(List<Window> windows) {
            Map<Long, List<long[]>> byFrame = new java.util.TreeMap<>();
            for (Window w : windows) {
                long frame = Units.nanos(((org.orrery.dsl.orrery.CoreSchedule) w.eContainer()).getMajorFrame());
                long start = Units.nanos(w.getStart());
                byFrame.computeIfAbsent(frame, f -> new ArrayList<>())
                        .add(new long[] {start, start + Units.nanos(w.getDuration())});
            }
            long hyper = 1;
            long smallest = Long.MAX_VALUE;
            for (long f : byFrame.keySet()) {
                if (f <= 0) {
                    return null;
                }
                smallest = Math.min(smallest, f);
                hyper = hyper / gcd(hyper, f) * f;
                if (hyper / smallest > MAX_REPEATS) {
                    return null; // frames without a usable common multiple: not analysed
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

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
