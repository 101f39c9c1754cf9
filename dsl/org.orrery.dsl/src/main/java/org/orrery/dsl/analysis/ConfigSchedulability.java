// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * The analyses of {@link PartitionSchedulability} over a canonical configuration instead of the language model:
 * what {@code orrery generate} reports, and what a test can set beside a simulated run of the same configuration.
 * The configuration keeps a period for periodic processes only, so an aperiodic process (which the language may
 * bound by a minimum inter-arrival time) is not analysed here.
 */
public final class ConfigSchedulability {

    /** The analysis of one partition in one plan: one verdict per periodic process, in declaration order. */
    public record PartitionResult(PlanConfig plan, PartitionConfig partition, List<Verdict> verdicts) {
        public PartitionResult {
            verdicts = List.copyOf(verdicts);
        }
    }

    private ConfigSchedulability() {
    }

    /** Every plan in which a partition with periodic processes has windows; plans and partitions in order. */
    public static List<PartitionResult> analyse(SystemConfig config) {
        List<PartitionResult> results = new ArrayList<>();
        for (PlanConfig plan : config.plans()) {
            for (PartitionConfig partition : config.partitions()) {
                PartitionResult r = analyse(plan, partition);
                if (r != null) {
                    results.add(r);
                }
            }
        }
        return results;
    }

    /** Null when the partition has no periodic process, no window in {@code plan}, or frames too long to analyse. */
    public static PartitionResult analyse(PlanConfig plan, PartitionConfig partition) {
        List<Task> tasks = tasks(partition);
        Supply supply = supply(plan, partition.name());
        if (tasks.isEmpty() || supply == null) {
            return null;
        }
        return new PartitionResult(plan, partition, verdicts(partition.policy(), tasks, supply));
    }

    public static List<Verdict> verdicts(SchedulingPolicy policy, List<Task> tasks, Supply supply) {
        return switch (policy) {
            case FIXED_PRIORITY -> ResponseTimeAnalysis.fixedPriority(tasks, supply);
            case ROUND_ROBIN -> ResponseTimeAnalysis.roundRobin(tasks, supply);
            case EDF -> DemandBoundAnalysis.edf(tasks, supply);
        };
    }

    /** The same words the language's errors and hovers use. */
    public static String method(SchedulingPolicy policy) {
        return switch (policy) {
            case FIXED_PRIORITY -> "fixed-priority response-time analysis";
            case ROUND_ROBIN -> "round-robin response-time analysis";
            case EDF -> "EDF demand-bound analysis";
        };
    }

    /** Periodic processes as tasks; without a deadline a process is due at its next release, as in the language. */
    static List<Task> tasks(PartitionConfig partition) {
        List<Task> tasks = new ArrayList<>();
        for (ProcessConfig p : partition.processes()) {
            if (p.periodNs() > 0) {
                long deadline = p.deadlineNs() > 0 ? p.deadlineNs() : p.periodNs();
                tasks.add(new Task(p.name(), p.periodNs(), deadline, p.wcetNs(), p.priority()));
            }
        }
        return tasks;
    }

    /** The partition's windows in {@code plan} (any core), or null when it has none. */
    static Supply supply(PlanConfig plan, String partition) {
        Map<Long, List<long[]>> byFrame = new TreeMap<>();
        for (WindowConfig w : plan.windows()) {
            if (w.partition().equals(partition)) {
                long frame = plan.frames().stream().filter(f -> f.core() == w.core()).mapToLong(CoreFrame::majorFrameNs)
                        .findFirst().orElse(0);
                byFrame.computeIfAbsent(frame, f -> new ArrayList<>())
                        .add(new long[] {w.startNs(), w.startNs() + w.durationNs()});
            }
        }
        return byFrame.isEmpty() ? null : Supply.repeating(byFrame);
    }
}
