// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.List;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * A routed line of the diagram. A channel gives one edge per destination (a sampling channel fans out to
 * several), all with the same {@code channel} name; a service gives one HOSTS edge from its partition.
 *
 * @param source      port id ({@code partition.port}) for channels, node id for HOSTS edges
 * @param target      port id for channels, node id for HOSTS edges
 * @param destination index of {@code target} among the channel's destinations (0 for HOSTS)
 * @param points      start, bend points, end (absolute, orthogonal)
 */
public record TopologyEdge(String id, Kind kind, String channel, String source, String target, int destination,
        List<Point> points, String fragment, List<ModelDiagnostic> diagnostics) {

    public enum Kind {
        SAMPLING, QUEUING, HOSTS
    }

    public TopologyEdge {
        points = List.copyOf(points);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isChannel() {
        return kind != Kind.HOSTS;
    }

    /** Shortest distance from {@code p} to the polyline. */
    public double distance(Point p) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < points.size(); i++) {
            best = Math.min(best, p.distanceToSegment(points.get(i - 1), points.get(i)));
        }
        return best;
    }
}
