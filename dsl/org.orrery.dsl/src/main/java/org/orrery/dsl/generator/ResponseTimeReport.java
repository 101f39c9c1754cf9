// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.Iterator;
import java.util.Locale;

import org.orrery.dsl.analysis.ConfigSchedulability;
import org.orrery.dsl.analysis.Verdict;
import org.orrery.dsl.model.Units;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.SystemConfig;

/**
 * The schedulability figures {@code check} and the editor's hovers compute, as a file a CI pipeline can read:
 * per plan, partition and process, the analysis, worst-case response time, deadline and slack.
 */
public final class ResponseTimeReport {

    private static final String ROW = "    %-20s %-14s %-12s %-12s %s%n";

    private ResponseTimeReport() {
    }

    public static String table(SystemConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append("Response times of system ").append(config.name()).append('\n');
        sb.append("(worst case from release to completion, inside the partition's windows; slack = deadline - response;\n")
                .append(" EDF: a passing demand test bounds each response by its deadline; \">=\": unschedulable, at least this)\n");
        for (PlanConfig plan : config.plans()) {
            sb.append("\nplan ").append(plan.name()).append('\n');
            for (PartitionConfig partition : config.partitions()) {
                ConfigSchedulability.PartitionResult r = ConfigSchedulability.analyse(plan, partition);
                if (r != null) {
                    partition(sb, r);
                }
            }
        }
        return sb.toString();
    }

    private static void partition(StringBuilder sb, ConfigSchedulability.PartitionResult r) {
        PartitionConfig partition = r.partition();
        sb.append("  partition ").append(partition.name()).append(": ")
                .append(ConfigSchedulability.method(partition.policy())).append('\n');
        sb.append(String.format(Locale.ROOT, ROW, "process", "response", "deadline", "slack", "status"));
        Iterator<Verdict> verdicts = r.verdicts().iterator();
        for (ProcessConfig p : partition.processes()) {
            if (p.periodNs() <= 0) {
                sb.append(String.format(Locale.ROOT, ROW, p.name(), "-", "-", "-", "not analysed (aperiodic)"));
                continue;
            }
            Verdict v = verdicts.next();
            long deadline = v.task().deadline();
            String response = v.unbounded() ? "unbounded"
                    : (v.schedulable() ? "" : ">=") + Units.formatNanos(v.responseTime());
            String slack = v.schedulable() ? Units.formatNanos(deadline - v.responseTime()) : "-";
            sb.append(String.format(Locale.ROOT, ROW, p.name(), response, Units.formatNanos(deadline), slack,
                    v.schedulable() ? "ok" : "unschedulable"));
        }
    }
}
