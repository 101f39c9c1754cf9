// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.documentation;

import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;
import org.orrery.dsl.analysis.PartitionSchedulability;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.ProcessKind;

/**
 * What an editor shows on hover: the element's own doc comment, and for processes the
 * timing they were declared with plus the response time the analysis computes in each plan.
 */
public class OrreryDocumentation extends MultiLineCommentDocumentationProvider {

    @Override
    public String getDocumentation(EObject o) {
        String comment = super.getDocumentation(o);
        String facts = o instanceof Process p ? process(p) : null;
        if (facts == null) {
            return comment;
        }
        return comment == null ? facts : comment + "\n\n" + facts;
    }

    private static String process(Process p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.getKind() == ProcessKind.PERIODIC ? "Periodic" : "Aperiodic");
        if (p.getPeriod() != null) {
            sb.append(", period ").append(Units.formatNanos(Units.nanos(p.getPeriod())));
        }
        if (p.getDeadline() != null) {
            sb.append(", deadline ").append(Units.formatNanos(Units.nanos(p.getDeadline())));
        }
        sb.append(", WCET ").append(Units.formatNanos(Units.nanos(p.getWcet()))).append(", priority ").append(p.getPriority()).append('.');
        if (p.eContainer() instanceof Partition partition) {
            for (PartitionSchedulability.Result r : PartitionSchedulability.analyse(partition, SystemView.containing(partition))) {
                if (r.process() == p) {
                    sb.append(String.format(Locale.ROOT, "%nWorst-case response time in plan '%s': %s (%s).", r.plan().getName(),
                            r.verdict().unbounded() ? "unbounded" : Units.formatNanos(r.verdict().responseTime()),
                            PartitionSchedulability.method(partition.getPolicy())));
                }
            }
        }
        return sb.toString();
    }
}
