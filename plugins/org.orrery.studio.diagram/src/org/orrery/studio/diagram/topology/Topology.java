// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.List;
import java.util.Optional;

/**
 * The laid-out system topology: plain boxes, ports and routed lines in diagram coordinates, ready to paint
 * and to hit-test. Immutable; a text change produces a new one.
 */
public record Topology(List<TopologyNode> nodes, List<TopologyEdge> edges, double width, double height) {

    public Topology {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Optional<TopologyNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<TopologyPort> port(String id) {
        return nodes.stream().flatMap(n -> n.ports().stream()).filter(p -> p.id().equals(id)).findFirst();
    }

    public List<TopologyPort> ports() {
        return nodes.stream().flatMap(n -> n.ports().stream()).toList();
    }

    /** Edges of channel {@code name}, one per destination. */
    public List<TopologyEdge> channel(String name) {
        return edges.stream().filter(e -> e.isChannel() && e.channel().equals(name)).toList();
    }

    /**
     * This topology with one more channel edge, routed {@link #straight} from the source port to the destination
     * port: what a page shows of a new connection at once. The same topology when either port is not drawn.
     */
    public Topology withChannel(String channel, TopologyEdge.Kind kind, String source, String target, int destination,
            String fragment) {
        Optional<TopologyPort> from = port(source);
        Optional<TopologyPort> to = port(target);
        if (from.isEmpty() || to.isEmpty()) {
            return this;
        }
        List<Point> points = straight(from.get().bounds(), to.get().bounds());
        List<TopologyEdge> more = new java.util.ArrayList<>(edges);
        more.add(new TopologyEdge(channel + "#" + destination, kind, channel, source, target, destination, points,
                fragment, List.of()));
        return new Topology(nodes, more, width, height);
    }

    /**
     * This topology without edge {@code destination} of channel {@code channel}: what a page shows of a disconnection
     * at once. The channel's later destinations move up one place, as they do in its declaration.
     */
    public Topology withoutChannelEdge(String channel, int destination) {
        List<TopologyEdge> left = new java.util.ArrayList<>(edges.size());
        for (TopologyEdge e : edges) {
            if (!e.isChannel() || !e.channel().equals(channel) || e.destination() < destination) {
                left.add(e);
            } else if (e.destination() > destination) {
                int d = e.destination() - 1;
                left.add(new TopologyEdge(channel + "#" + d, e.kind(), channel, e.source(), e.target(), d, e.points(),
                        e.fragment(), e.diagnostics()));
            }
        }
        return new Topology(nodes, left, width, height);
    }

    /**
     * A route from the east side of box {@code s} to the west side of box {@code t}: three orthogonal segments, or
     * five around the boxes when {@code t} lies to the left.
     */
    static List<Point> straight(Box s, Box t) {
        Point start = new Point(s.right(), s.centerY());
        Point end = new Point(t.x(), t.centerY());
        double gap = 2 * s.width();
        if (end.x() - start.x() >= 2 * gap) {
            double middle = (start.x() + end.x()) / 2;
            return List.of(start, new Point(middle, start.y()), new Point(middle, end.y()), end);
        }
        double middle = (start.y() + end.y()) / 2;
        return List.of(start, new Point(start.x() + gap, start.y()), new Point(start.x() + gap, middle),
                new Point(end.x() - gap, middle), new Point(end.x() - gap, end.y()), end);
    }

    /** The port whose box, grown by {@code slack}, holds the point. */
    public Optional<TopologyPort> portAt(double x, double y, double slack) {
        return ports().stream().filter(p -> p.bounds().grow(slack).contains(x, y)).findFirst();
    }

    public Optional<TopologyNode> nodeAt(double x, double y) {
        return nodes.stream().filter(n -> n.bounds().contains(x, y)).findFirst();
    }

    /** The channel edge nearest to the point, if within {@code tolerance}. */
    public Optional<TopologyEdge> edgeAt(double x, double y, double tolerance) {
        Point p = new Point(x, y);
        TopologyEdge best = null;
        double bestDistance = tolerance;
        for (TopologyEdge e : edges) {
            double d = e.distance(p);
            if (e.isChannel() && d <= bestDistance) {
                best = e;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
