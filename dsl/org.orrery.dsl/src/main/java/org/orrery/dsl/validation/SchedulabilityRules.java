// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.analysis.PartitionSchedulability;
import org.orrery.dsl.analysis.Verdict;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Process;

/**
 * Schedulability of each partition's processes inside its windows, per plan: response-time analysis for
 * fixed priority and round robin, demand-bound analysis for EDF. The error names the process and its
 * computed response time against its deadline (first failing plan only).
 */
public class SchedulabilityRules extends OrreryRules {

    @Check
    public void unschedulable(Partition partition) {
        Set<Process> reported = new HashSet<>();
        for (PartitionSchedulability.Result r : PartitionSchedulability.analyse(partition, system(partition))) {
            Verdict v = r.verdict();
            Process p = r.process();
            if (!v.schedulable() && reported.add(p)) {
                String response = v.unbounded() ? "is unbounded" : Units.formatNanos(v.responseTime());
                error("Process " + q(Naming.qualified(p)) + " is not schedulable in plan " + q(r.plan().getName())
                        + ": worst-case response time " + response + (v.unbounded() ? ", deadline " : " exceeds its deadline ")
                        + Units.formatNanos(v.task().deadline()) + " (" + PartitionSchedulability.method(partition.getPolicy())
                        + ").", p, Literals.PROCESS__NAME, OrreryIssueCodes.UNSCHEDULABLE);
            }
        }
    }
}
