// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.topology;

import java.util.List;
import java.util.Optional;

import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.topology.Point;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.diagram.topology.TopologyNode;
import org.orrery.studio.diagram.topology.TopologyPort;

/** Tooltip text for what lies under the pointer, with the same {@code [code] message} lines as the text editor. */
final class TopologyTooltips {

    private TopologyTooltips() {
    }

    static String describe(Topology t, Point p, double portSlack, double edgeTolerance) {
        Optional<TopologyPort> port = t.portAt(p.x(), p.y(), portSlack);
        if (port.isPresent()) {
            TopologyPort x = port.get();
            return with(x.id() + " — " + x.kind().keyword() + (x.in() ? " in" : " out")
                    + (x.messageSize() > 0 ? ", " + x.messageSize() + " B" : "")
                    + (x.out() ? "\nDrag to an in port to connect." : ""), x.diagnostics());
        }
        Optional<TopologyEdge> edge = t.edgeAt(p.x(), p.y(), edgeTolerance);
        if (edge.isPresent()) {
            TopologyEdge e = edge.get();
            return with("channel " + e.channel() + " (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ") "
                    + e.source() + " → " + e.target() + "\nClick to select, Delete to remove.", e.diagnostics());
        }
        Optional<TopologyNode> node = t.nodeAt(p.x(), p.y());
        if (node.isPresent()) {
            TopologyNode n = node.get();
            return with(n.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + n.name() + " — " + n.detail(),
                    n.diagnostics());
        }
        return null;
    }

    private static String with(String head, List<ModelDiagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder(head);
        for (ModelDiagnostic d : diagnostics) {
            sb.append('\n').append(d.severity().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(d.label());
        }
        return sb.toString();
    }
}
