// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.List;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * A box of the topology diagram: a partition with its ports, a VM, or a service (linked to the partition
 * that hosts it by a {@link TopologyEdge.Kind#HOSTS} edge).
 *
 * @param id       {@code partition:NAME}, {@code vm:NAME} or {@code service:NAME}
 * @param detail   second line under the name (criticality, cores, memory; or the service kind)
 * @param fragment EMF URI fragment of the element (null for imported files)
 */
public record TopologyNode(String id, Kind kind, String name, String detail, Box bounds, List<TopologyPort> ports,
        String fragment, List<ModelDiagnostic> diagnostics) {

    public enum Kind {
        PARTITION, VM, SERVICE
    }

    public TopologyNode {
        ports = List.copyOf(ports);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Worst severity among the node's own and its ports' diagnostics, or null when there is none. */
    public ModelDiagnostic.Severity worst() {
        ModelDiagnostic.Severity w = Flags.worst(diagnostics);
        for (TopologyPort p : ports) {
            ModelDiagnostic.Severity s = Flags.worst(p.diagnostics());
            if (s != null && (w == null || s.ordinal() < w.ordinal())) {
                w = s;
            }
        }
        return w;
    }
}
