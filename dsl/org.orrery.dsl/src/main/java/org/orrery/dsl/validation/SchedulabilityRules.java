// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.analysis.PartitionSchedulability;
import org.orrery.dsl.analysis.Verdict;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Policy;
import org.orrery.dsl.orrery.Process;

/**
 * Schedulability of each partition's processes inside its windows, per plan: response-time analysis for
 * fixed priority and round robin, demand-bound analysis for EDF. The error names the process and its
 * computed response time against its deadline (first failing plan only). A priority under EDF gets a warning that says what it does there.
 */
public class SchedulabilityRules extends OrreryRules {

    /** Someone who writes a priority expects it to order processes; under EDF it only breaks deadline ties. */
    @Check
    public void edfPriority(Process process) {
        if (process.eContainer() instanceof Partition partition && partition.getPolicy() == Policy.EDF
                && !NodeModelUtils.findNodesForFeature(process, Literals.PROCESS__PRIORITY).isEmpty()) {
            warning("Process " + q(Naming.qualified(process)) + " has a 'priority', but partition " + q(partition.getName())
                    + " schedules by EDF: processes run in deadline order and the priority only breaks ties between "
                    + "equal deadlines; remove 'priority' if ties do not matter, or choose another 'policy'.", process, Literals.PROCESS__PRIORITY, OrreryIssueCodes.EDF_PRIORITY);
        }
    }

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
                        + "): lower its 'wcet', lengthen its 'deadline', or give its partition more window time.", p, Literals.PROCESS__NAME,
                        OrreryIssueCodes.UNSCHEDULABLE);
            }
        }
    }
}
