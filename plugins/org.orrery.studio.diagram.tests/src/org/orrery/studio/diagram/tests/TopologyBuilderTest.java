// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Port;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.topology.Box;
import org.orrery.studio.diagram.topology.Point;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyBuilder;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.diagram.topology.TopologyNode;
import org.orrery.studio.diagram.topology.TopologyPort;

class TopologyBuilderTest {

    static SystemModelSession example(String name) throws IOException {
        Path file = Fixtures.examples().resolve(name).resolve("system.orrery");
        return SystemModelSession.open(file.toUri(), Files.readString(file));
    }

    static Topology topology(SystemModelSession s) {
        return TopologyBuilder.build(s.system(), s.diagnostics());
    }

    @TestFactory
    Stream<DynamicTest> layoutIsNonOverlappingAndEveryChannelHasItsEdges() {
        return Stream.of("flight-control", "wan-router", "mixed-criticality", "satellite-obc")
                .map(name -> DynamicTest.dynamicTest(name, () -> checkLayout(name)));
    }

    private static void checkLayout(String example) throws IOException {
        SystemModelSession s = example(example);
        SystemView system = s.system();
        Topology t = topology(s);

        assertEquals(system.partitions().size() + system.vms().size() + system.services().size(), t.nodes().size());
        List<TopologyNode> nodes = t.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(nodes.get(i).bounds().overlaps(nodes.get(j).bounds()),
                        nodes.get(i).id() + " overlaps " + nodes.get(j).id());
            }
            assertTrue(new Box(0, 0, t.width(), t.height()).encloses(nodes.get(i).bounds()), nodes.get(i).id());
        }
        for (TopologyNode n : nodes) {
            for (TopologyPort p : n.ports()) {
                // In ports against the west border, out ports against the east border, within the node's height.
                if (p.in()) {
                    assertEquals(n.bounds().x(), p.bounds().right(), 0.5, p.id());
                } else {
                    assertEquals(n.bounds().right(), p.bounds().x(), 0.5, p.id());
                }
                assertTrue(p.bounds().centerY() > n.bounds().y() && p.bounds().centerY() < n.bounds().bottom(), p.id());
            }
        }
        for (Channel c : system.channels()) {
            List<TopologyEdge> edges = t.channel(c.getName());
            assertEquals(c.getDestinations().size(), edges.size(), c.getName());
            for (int i = 0; i < edges.size(); i++) {
                TopologyEdge e = edges.get(i);
                Port d = c.getDestinations().get(i);
                assertEquals(id(c.getSource()), e.source());
                assertEquals(id(d), e.target());
                assertTrue(e.points().size() >= 2);
                assertNear(t.port(e.source()).orElseThrow().bounds(), e.points().get(0), c.getName());
                assertNear(t.port(e.target()).orElseThrow().bounds(), e.points().get(e.points().size() - 1), c.getName());
            }
        }
        assertEquals(system.channels().stream().mapToInt(c -> c.getDestinations().size()).sum()
                + system.services().size(), t.edges().size());
    }

    private static void assertNear(Box port, Point p, String what) {
        assertTrue(port.grow(1).contains(p.x(), p.y()), what + ": " + p + " not at " + port);
    }

    private static String id(Port p) {
        return ((org.orrery.dsl.orrery.Partition) p.eContainer()).getName() + "." + p.getName();
    }

    @Test
    void sameSystemSameLayout() throws IOException {
        // The diagram must not jump around when the page is refreshed without a change.
        SystemModelSession s = example("wan-router");
        assertEquals(topology(s), topology(example("wan-router")));
    }

    @Test
    void servicesHangOffTheirPartitionAndVmsAreNodes() throws IOException {
        Topology router = topology(example("wan-router"));
        TopologyEdge web = router.edges().stream().filter(e -> e.kind() == TopologyEdge.Kind.HOSTS
                && e.target().equals("service:web")).findFirst().orElseThrow();
        assertEquals("partition:mgmt", web.source());
        assertEquals("http :8080", router.node("service:web").orElseThrow().detail());

        Topology mixed = topology(example("mixed-criticality"));
        TopologyNode linux = mixed.node("vm:linux").orElseThrow();
        assertEquals(TopologyNode.Kind.VM, linux.kind());
        assertEquals("qemu vm · 1 GiB", linux.detail());
    }

    @Test
    void hitTestingFindsPortsAndChannels() throws IOException {
        Topology t = topology(example("flight-control"));
        TopologyPort in = t.port("maint.events_in").orElseThrow();
        assertEquals("maint.events_in", t.portAt(in.bounds().centerX(), in.bounds().centerY(), 2).orElseThrow().id());
        TopologyEdge events = t.channel("events").get(0);
        Point a = events.points().get(0);
        Point b = events.points().get(1);
        assertEquals("events", t.edgeAt((a.x() + b.x()) / 2, (a.y() + b.y()) / 2 + 2, 4).orElseThrow().channel());
        assertTrue(t.edgeAt(-50, -50, 4).isEmpty());
    }

    @Test
    void elementsCarryTheLanguagesDiagnostics() {
        SystemModelSession s = Fixtures.inline("""
                system flags
                board sim {
                    memory 64 MiB
                    tick 1 ms
                }
                partition a {
                    memory 8 MiB
                    port big_out sampling out size 64 B
                    port spare_out queuing out size 8 B depth 2
                }
                partition b {
                    memory 8 MiB
                    port small_in sampling in size 8 B refresh 100 ms
                }
                channel big sampling from a.big_out to b.small_in
                plan p initial {
                    core 0 major-frame 10 ms {
                        window a at 0 ms duration 5 ms
                        window b at 5 ms duration 5 ms
                    }
                }
                """);
        Topology t = topology(s);
        TopologyEdge big = t.channel("big").get(0);
        assertEquals(List.of("channel-size-mismatch"), big.diagnostics().stream().map(d -> d.code()).toList());
        TopologyPort spare = t.port("a.spare_out").orElseThrow();
        assertEquals(List.of("unconnected-port"), spare.diagnostics().stream().map(d -> d.code()).toList());
        // The port's problem is the port's, not repeated on its partition.
        assertTrue(t.node("partition:a").orElseThrow().diagnostics().stream().noneMatch(spare.diagnostics()::contains));
    }
}
