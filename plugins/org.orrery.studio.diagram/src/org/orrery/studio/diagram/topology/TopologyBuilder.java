// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortDirection;
import org.orrery.dsl.orrery.Service;
import org.orrery.dsl.orrery.Vm;
import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * Turns a parsed system into a laid-out {@link Topology}: an ELK graph (partitions with fixed-position ports,
 * VMs, services, one edge per channel destination and one per hosted service) laid out by ELK Layered from
 * left to right with orthogonal routing, then read back as plain coordinates. Elements whose names or
 * references do not resolve (the text has errors) are left out rather than guessed.
 */
public final class TopologyBuilder {

    private static final double SPACING = 40;

    private final Resource own;
    private final Flags flags;
    private final ElkNode graph = ElkGraphUtil.createGraph();
    private final Map<String, ElkNode> nodes = new LinkedHashMap<>();
    private final Map<String, NodeInfo> nodeInfo = new LinkedHashMap<>();
    private final Map<Port, ElkPort> ports = new LinkedHashMap<>();
    private final Map<ElkPort, PortInfo> portInfo = new LinkedHashMap<>();
    private final List<EdgeInfo> edges = new ArrayList<>();

    // Everything read from the EMF model is copied into these records while preparing, so that the layout
    // itself (the slow part) touches no EMF object and may run off the UI thread.
    private record NodeInfo(TopologyNode.Kind kind, String fragment, String name, String detail) {
    }

    private record EdgeInfo(ElkEdge elk, TopologyEdge.Kind kind, String channel, String source, String target,
            int destination, String fragment) {
    }

    private record PortInfo(String id, String name, String partition, ChannelKind kind, boolean in, long messageSize,
            String fragment) {
    }

    /** An ELK graph ready for layout, detached from the EMF model. */
    public static final class Prepared {

        private final TopologyBuilder builder;

        private Prepared(TopologyBuilder builder) {
            this.builder = builder;
        }

        public int nodes() {
            return builder.nodes.size();
        }

        /** Runs ELK Layered and reads the result back; safe on any thread, once. */
        public Topology layout() {
            new LayeredLayoutProvider().layout(builder.graph, new BasicProgressMonitor());
            return builder.readBack(TopologyBuilder::points, builder.graph.getWidth(), builder.graph.getHeight());
        }

        /**
         * The system drawn on {@code shown}'s layout instead of a new one: every box and port where it was, every
         * edge that is still there on its old route, a new edge routed {@link Topology#straight}. Empty when a box
         * or port was added, removed, resized or moved to another side or row of its box: only a layout places
         * those. A channel connected or removed on a large system thus changes one line of the picture, not the
         * whole picture, and costs no layout (seconds of ELK on 1,000 partitions).
         */
        public Optional<Topology> keeping(Topology shown) {
            return shown == null ? Optional.empty() : builder.keeping(shown);
        }
    }

    private TopologyBuilder(SystemView system, List<ModelDiagnostic> diagnostics) {
        this.own = system.root() == null ? null : system.root().eResource();
        this.flags = new Flags(diagnostics);
    }

    /** Lays out {@code system}; {@code diagnostics} (the session's) flag the elements they are about. */
    public static Topology build(SystemView system, List<ModelDiagnostic> diagnostics) {
        return prepare(system, diagnostics).layout();
    }

    /** The model-reading half of {@link #build}: call it where the model may be read (the UI thread). */
    public static Prepared prepare(SystemView system, List<ModelDiagnostic> diagnostics) {
        ElkSetup.ensure();
        TopologyBuilder b = new TopologyBuilder(system, diagnostics);
        b.configure();
        system.partitions().forEach(b::partition);
        system.vms().forEach(b::vm);
        system.services().forEach(b::service);
        system.channels().forEach(b::channel);
        return new Prepared(b);
    }

    private void configure() {
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, SPACING);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, SPACING * 1.5);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 10.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
        graph.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, SPACING);
        graph.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));
    }

    private void partition(Partition p) {
        if (p.getName() == null) {
            return;
        }
        List<Port> in = p.getPorts().stream().filter(x -> x.getName() != null && x.getDirection() == PortDirection.DESTINATION).toList();
        List<Port> out = p.getPorts().stream().filter(x -> x.getName() != null && x.getDirection() == PortDirection.SOURCE).toList();
        String detail = detail(p);
        double inWidth = in.stream().mapToDouble(x -> TopologyMetrics.textWidth(x.getName())).max().orElse(0);
        double outWidth = out.stream().mapToDouble(x -> TopologyMetrics.textWidth(x.getName())).max().orElse(0);
        double width = Math.max(TopologyMetrics.MIN_WIDTH, Math.max(
                Math.max(TopologyMetrics.textWidth(p.getName()), TopologyMetrics.textWidth(detail)) + 2 * TopologyMetrics.PADDING,
                inWidth + outWidth + 4 * TopologyMetrics.PADDING + 2 * TopologyMetrics.PORT));
        double height = TopologyMetrics.HEADER + Math.max(in.size(), out.size()) * TopologyMetrics.ROW + TopologyMetrics.PADDING / 2;
        ElkNode n = node("partition:" + p.getName(), TopologyNode.Kind.PARTITION, p, p.getName(), detail, width, height);
        n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
        for (int i = 0; i < in.size(); i++) {
            port(n, in.get(i), PortSide.WEST, -TopologyMetrics.PORT / 2, i);
        }
        for (int i = 0; i < out.size(); i++) {
            port(n, out.get(i), PortSide.EAST, width - TopologyMetrics.PORT / 2, i);
        }
    }

    private static String detail(Partition p) {
        StringBuilder sb = new StringBuilder();
        sb.append("crit ").append(p.getCriticality() == null ? "A" : p.getCriticality().getLiteral());
        if (!p.getCores().isEmpty()) {
            sb.append(" · core ").append(p.getCores().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        if (p.getMemory() != null) {
            sb.append(" · ").append(Units.formatBytes(Units.bytes(p.getMemory())));
        }
        return sb.toString();
    }

    private void port(ElkNode n, Port port, PortSide side, double x, int row) {
        ElkPort ep = ElkGraphUtil.createPort(n);
        ep.setDimensions(TopologyMetrics.PORT, TopologyMetrics.PORT);
        ep.setLocation(x, TopologyMetrics.rowCenter(row) - TopologyMetrics.PORT / 2);
        ep.setProperty(CoreOptions.PORT_SIDE, side);
        ports.put(port, ep);
        portInfo.put(ep, new PortInfo(portId(port), port.getName(), ((Partition) port.eContainer()).getName(),
                ChannelKind.of(port.getKind()), port.getDirection() == PortDirection.DESTINATION,
                Units.bytes(port.getMessageSize()), fragment(port)));
    }

    private void vm(Vm v) {
        if (v.getName() != null) {
            String detail = (v.getKind() == null ? "vm" : v.getKind().getLiteral() + " vm")
                    + (v.getMemory() == null ? "" : " · " + Units.formatBytes(Units.bytes(v.getMemory())));
            simpleNode("vm:" + v.getName(), TopologyNode.Kind.VM, v, v.getName(), detail);
        }
    }

    private void service(Service s) {
        Partition host = s.getPartition();
        if (s.getName() == null || host == null || host.eIsProxy() || !nodes.containsKey("partition:" + host.getName())) {
            return;
        }
        String detail = s.getKind() == null ? "service" : s.getKind().getLiteral() + (s.getPort() != 0 ? " :" + s.getPort() : "");
        ElkNode n = simpleNode("service:" + s.getName(), TopologyNode.Kind.SERVICE, s, s.getName(), detail);
        ElkNode h = nodes.get("partition:" + host.getName());
        ElkEdge e = ElkGraphUtil.createSimpleEdge(h, n);
        edges.add(new EdgeInfo(e, TopologyEdge.Kind.HOSTS, s.getName(), "partition:" + host.getName(),
                "service:" + s.getName(), 0, fragment(s)));
    }

    private ElkNode simpleNode(String id, TopologyNode.Kind kind, EObject element, String name, String detail) {
        double width = Math.max(TopologyMetrics.MIN_WIDTH * 0.8,
                Math.max(TopologyMetrics.textWidth(name), TopologyMetrics.textWidth(detail)) + 2 * TopologyMetrics.PADDING);
        return node(id, kind, element, name, detail, width, TopologyMetrics.HEADER + TopologyMetrics.PADDING / 2);
    }

    private ElkNode node(String id, TopologyNode.Kind kind, EObject element, String name, String detail, double w, double h) {
        ElkNode n = ElkGraphUtil.createNode(graph);
        n.setDimensions(w, h);
        n.setIdentifier(id);
        nodes.put(id, n);
        nodeInfo.put(id, new NodeInfo(kind, fragment(element), name, detail));
        return n;
    }

    private void channel(Channel c) {
        Port src = c.getSource();
        if (c.getName() == null || src == null || !ports.containsKey(src)) {
            return;
        }
        for (int i = 0; i < c.getDestinations().size(); i++) {
            Port d = c.getDestinations().get(i);
            if (ports.containsKey(d)) {
                ElkEdge e = ElkGraphUtil.createSimpleEdge(ports.get(src), ports.get(d));
                TopologyEdge.Kind kind = c.getKind() == org.orrery.dsl.orrery.PortKind.QUEUING ? TopologyEdge.Kind.QUEUING
                        : TopologyEdge.Kind.SAMPLING;
                edges.add(new EdgeInfo(e, kind, c.getName(), portId(src), portId(d), i, fragment(c)));
            }
        }
    }

    static String portId(Port p) {
        return ((Partition) p.eContainer()).getName() + "." + p.getName();
    }

    private String fragment(EObject o) {
        return o != null && own != null && o.eResource() == own ? own.getURIFragment(o) : null;
    }

    private Optional<Topology> keeping(Topology shown) {
        if (shown.nodes().size() != nodes.size()) {
            return Optional.empty();
        }
        Map<String, TopologyNode> oldNodes = new HashMap<>();
        Map<String, TopologyPort> oldPorts = new HashMap<>();
        for (TopologyNode n : shown.nodes()) {
            oldNodes.put(n.id(), n);
            n.ports().forEach(p -> oldPorts.put(p.id(), p));
        }
        if (oldPorts.size() != portInfo.size()) {
            return Optional.empty();
        }
        for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
            TopologyNode old = oldNodes.get(e.getKey());
            ElkNode n = e.getValue();
            if (old == null || old.bounds().width() != n.getWidth() || old.bounds().height() != n.getHeight()) {
                return Optional.empty();
            }
            n.setLocation(old.bounds().x(), old.bounds().y());
        }
        // The layout moves a port across its box's border (east ports), never along it: same side and row, same place.
        for (Map.Entry<ElkPort, PortInfo> e : portInfo.entrySet()) {
            TopologyPort old = oldPorts.get(e.getValue().id());
            ElkPort p = e.getKey();
            ElkNode n = p.getParent();
            if (old == null || old.in() != e.getValue().in() || Math.abs(old.bounds().y() - n.getY() - p.getY()) > 1e-6
                    || old.bounds().width() != p.getWidth() || old.bounds().height() != p.getHeight()) {
                return Optional.empty();
            }
            p.setLocation(old.bounds().x() - n.getX(), old.bounds().y() - n.getY());
        }
        // By what they connect, not by id: a fan-out that lost a destination renumbers the ones after it.
        Map<List<Object>, TopologyEdge> oldEdges = new HashMap<>();
        shown.edges().forEach(edge -> oldEdges.put(List.of(edge.kind(), edge.channel(), edge.source(), edge.target()),
                edge));
        return Optional.of(readBack(info -> {
            TopologyEdge old = oldEdges.get(List.of(info.kind(), info.channel(), info.source(), info.target()));
            if (old != null) {
                return old.points();
            }
            ElkConnectableShape from = info.elk().getSources().get(0);
            ElkConnectableShape to = info.elk().getTargets().get(0);
            return Topology.straight(box(from), box(to));
        }, shown.width(), shown.height()));
    }

    /** Absolute bounds of a node or port as placed. */
    private static Box box(ElkConnectableShape shape) {
        return shape instanceof ElkPort p ? portBox(p) : nodeBox((ElkNode) shape);
    }

    private static Box portBox(ElkPort p) {
        ElkNode n = p.getParent();
        return new Box(n.getX() + p.getX(), n.getY() + p.getY(), p.getWidth(), p.getHeight());
    }

    private static Box nodeBox(ElkNode n) {
        return new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight());
    }

    private static String edgeId(EdgeInfo info) {
        return info.channel() + (info.kind() == TopologyEdge.Kind.HOSTS ? "@host" : "#" + info.destination());
    }

    private Topology readBack(Function<EdgeInfo, List<Point>> route, double width, double height) {
        List<TopologyNode> outNodes = new ArrayList<>();
        Map<ElkNode, List<TopologyPort>> portsOf = new LinkedHashMap<>();
        portInfo.forEach((ep, p) -> {
            portsOf.computeIfAbsent(ep.getParent(), k -> new ArrayList<>()).add(new TopologyPort(p.id(), p.name(),
                    p.partition(), p.kind(), p.in(), p.messageSize(), portBox(ep), p.fragment(), flags.of(p.fragment())));
        });
        nodes.forEach((id, n) -> {
            NodeInfo info = nodeInfo.get(id);
            List<TopologyPort> ps = portsOf.getOrDefault(n, List.of());
            String frag = info.fragment();
            outNodes.add(new TopologyNode(id, info.kind(), info.name(), info.detail(), nodeBox(n), ps, frag,
                    flags.of(frag, ps.stream().map(TopologyPort::fragment).filter(f -> f != null).toList())));
        });
        List<TopologyEdge> outEdges = new ArrayList<>();
        for (EdgeInfo info : edges) {
            String frag = info.fragment();
            outEdges.add(new TopologyEdge(edgeId(info), info.kind(), info.channel(), info.source(), info.target(),
                    info.destination(), route.apply(info), frag, flags.of(frag)));
        }
        return new Topology(outNodes, outEdges, width, height);
    }

    /** Absolute route of an edge as ELK laid it out: its section coordinates are relative to its containing node. */
    private static List<Point> points(EdgeInfo info) {
        ElkEdge e = info.elk();
        List<Point> out = new ArrayList<>();
        double dx = 0;
        double dy = 0;
        for (ElkNode c = e.getContainingNode(); c != null && c.getParent() != null; c = c.getParent()) {
            dx += c.getX();
            dy += c.getY();
        }
        for (ElkEdgeSection s : e.getSections()) {
            out.add(new Point(dx + s.getStartX(), dy + s.getStartY()));
            for (ElkBendPoint bp : s.getBendPoints()) {
                out.add(new Point(dx + bp.getX(), dy + bp.getY()));
            }
            out.add(new Point(dx + s.getEndX(), dy + s.getEndY()));
        }
        return out;
    }
}
