// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.topology.Box;
import org.orrery.studio.diagram.topology.ChannelEdits;
import org.orrery.studio.diagram.topology.Point;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyBuilder;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.diagram.topology.TopologyNode;
import org.orrery.studio.diagram.topology.TopologyPort;

class ChannelEditsTest {

    static final String SYSTEM = """
            system wires
            board sim {
                memory 64 MiB
                tick 1 ms
            }
            partition a {
                memory 8 MiB
                port x_out sampling out size 8 B
                port q_out queuing out size 8 B depth 2
            }
            // b listens
            partition b {
                memory 8 MiB
                port x_in sampling in size 8 B refresh 100 ms
                port y_in sampling in size 4 B refresh 100 ms
                port z_in sampling in size 8 B refresh 100 ms
                port q_in queuing in size 8 B depth 2
            }
            channel x sampling from a.x_out to b.x_in
            plan p initial {
                core 0 major-frame 10 ms {
                    window a at 0 ms duration 5 ms
                    window b at 5 ms duration 5 ms
                }
            }
            """;

    @Test
    void newChannelIsOneLineAfterTheLastChannel() {
        SystemModelSession s = Fixtures.inline(SYSTEM);
        List<TextEdit> edits = ChannelEdits.connect(s, "a.q_out", "b.q_in");
        String anchor = "channel x sampling from a.x_out to b.x_in";
        assertEquals(List.of(new TextEdit(SYSTEM.indexOf(anchor) + anchor.length(), 0,
                "\nchannel q queuing from a.q_out to b.q_in")), edits);
        assertEquals(SYSTEM.replace(anchor, anchor + "\nchannel q queuing from a.q_out to b.q_in"), s.text());
        assertTrue(s.diagnostics().stream().noneMatch(d -> d.code().equals("unconnected-port") && d.message().contains("q_")),
                s.diagnostics().toString());
        Topology t = TopologyBuilder.build(s.system(), s.diagnostics());
        assertEquals("b.q_in", t.channel("q").get(0).target());
    }

    @Test
    void samplingSourceFansOutByGainingADestination() {
        SystemModelSession s = Fixtures.inline(SYSTEM);
        List<TextEdit> edits = ChannelEdits.connect(s, "a.x_out", "b.z_in");
        String line = "channel x sampling from a.x_out to b.x_in";
        assertEquals(List.of(new TextEdit(SYSTEM.indexOf(line) + line.length(), 0, ", b.z_in")), edits);
        assertEquals(SYSTEM.replace(line, line + ", b.z_in"), s.text());
        assertEquals(2, TopologyBuilder.build(s.system(), s.diagnostics()).channel("x").size());
    }

    @Test
    void firstChannelGoesAfterTheLastPartition() {
        String text = SYSTEM.replace("channel x sampling from a.x_out to b.x_in\n", "");
        SystemModelSession s = Fixtures.inline(text);
        ChannelEdits.connect(s, "a.x_out", "b.x_in");
        assertTrue(s.text().contains("    port q_in queuing in size 8 B depth 2\n}\nchannel x sampling from a.x_out to b.x_in\nplan p"),
                s.text());
    }

    @Test
    void structureIsCheckedBeforeOffering() {
        SystemModelSession s = Fixtures.inline(SYSTEM);
        assertTrue(ChannelEdits.refusal(s.system(), "b.q_in", "a.q_out").orElseThrow().contains("'in' port"));
        assertTrue(ChannelEdits.refusal(s.system(), "a.x_out", "b.q_in").orElseThrow().contains("is sampling but"));
        assertTrue(ChannelEdits.refusal(s.system(), "a.x_out", "b.x_in").orElseThrow().contains("already connected by channel x"));
        assertTrue(ChannelEdits.refusal(s.system(), "a.q_out", "b.q_in").isEmpty());
        String before = s.text();
        assertThrows(IllegalArgumentException.class, () -> ChannelEdits.connect(s, "a.x_out", "b.x_in"));
        assertEquals(before, s.text());
    }

    @Test
    void aConnectionTheLanguageRefusesLeavesTheSessionAsItWas() {
        for (SystemModelSession s : List.of(Fixtures.inline(SYSTEM), Fixtures.inlineDeferringValidation(SYSTEM))) {
            // a further destination (x already feeds b.x_in) and a new channel (q_out is free), both too small
            String text = SYSTEM.replace("port q_in queuing in size 8 B", "port q_in queuing in size 4 B");
            s.update(text);
            IllegalArgumentException fanOut = assertThrows(IllegalArgumentException.class,
                    () -> ChannelEdits.connectChecked(s, "a.x_out", "b.y_in"));
            assertTrue(fanOut.getMessage().contains("'b.y_in' takes messages of 4 B"), fanOut.getMessage());
            IllegalArgumentException fresh = assertThrows(IllegalArgumentException.class,
                    () -> ChannelEdits.connectChecked(s, "a.q_out", "b.q_in"));
            assertTrue(fresh.getMessage().contains("'b.q_in' takes messages of 4 B"), fresh.getMessage());
            assertEquals(text, s.text());
            assertTrue(s.system().channels().stream().noneMatch(c -> "q".equals(c.getName())));
            s.validate();
            ConnectRegionEditTest.assertSameAsFreshParse(s);
            ChannelEdits.connectChecked(s, "a.x_out", "b.z_in");
            assertTrue(s.text().contains("channel x sampling from a.x_out to b.x_in, b.z_in\n"), s.text());
        }
    }

    @Test
    void aNewConnectionIsDrawnStraightAwayWhereTheLayoutWillPutIt() {
        SystemModelSession s = Fixtures.inlineDeferringValidation(SYSTEM);
        for (String[] c : List.of(new String[] { "a.q_out", "b.q_in" }, new String[] { "a.x_out", "b.z_in" })) {
            Topology shown = TopologyBuilder.build(s.system(), s.diagnostics());
            ChannelEdits.connectChecked(s, c[0], c[1]);
            Topology drawn = ChannelEdits.drawn(shown, s.system(), c[0], c[1]);
            assertEquals(shown.edges().size() + 1, drawn.edges().size());
            TopologyEdge edge = drawn.edges().get(drawn.edges().size() - 1);
            // the edge the layout of the new text draws, routed from the source's east side to the destination's west
            TopologyEdge laid = TopologyBuilder.build(s.system(), s.diagnostics()).edges().stream()
                    .filter(e -> e.id().equals(edge.id())).findFirst().orElseThrow();
            assertEquals(List.of(laid.kind(), laid.channel(), laid.source(), laid.target(), laid.destination(), laid.fragment()),
                    List.of(edge.kind(), edge.channel(), edge.source(), edge.target(), edge.destination(), edge.fragment()));
            Box from = shown.port(c[0]).orElseThrow().bounds();
            Box to = shown.port(c[1]).orElseThrow().bounds();
            assertEquals(new Point(from.right(), from.centerY()), edge.points().get(0));
            assertEquals(new Point(to.x(), to.centerY()), edge.points().get(edge.points().size() - 1));
            for (int i = 1; i < edge.points().size(); i++) {
                Point a = edge.points().get(i - 1);
                Point b = edge.points().get(i);
                assertTrue(a.x() == b.x() || a.y() == b.y(), "orthogonal: " + edge.points());
            }
        }
    }

    @Test
    void connectingAndDisconnectingKeepTheLayoutWhereOnlyLinesChanged() {
        SystemModelSession s = Fixtures.inlineDeferringValidation(SYSTEM);
        Topology laid = TopologyBuilder.build(s.system(), s.diagnostics());
        ChannelEdits.connectChecked(s, "a.x_out", "b.z_in");
        ChannelEdits.connectChecked(s, "a.q_out", "b.q_in");
        Topology kept = TopologyBuilder.prepare(s.system(), s.diagnostics()).keeping(laid).orElseThrow();
        assertEquals(laid.nodes().stream().map(TopologyNode::bounds).toList(),
                kept.nodes().stream().map(TopologyNode::bounds).toList());
        assertEquals(laid.ports().stream().map(TopologyPort::bounds).toList(),
                kept.ports().stream().map(TopologyPort::bounds).toList());
        assertEquals(laid.edges().get(0), kept.edges().get(0), "the channel that was there keeps its route");
        Topology drawn = ChannelEdits.drawn(ChannelEdits.drawn(laid, s.system(), "a.x_out", "b.z_in"), s.system(),
                "a.q_out", "b.q_in");
        assertEquals(routes(drawn), routes(kept), "new channels routed straight, as drawn at once");
        assertEquals(routes(TopologyBuilder.build(s.system(), s.diagnostics())).keySet(), routes(kept).keySet());

        // x's first destination goes: the second becomes destination 0 and keeps its route
        ChannelEdits.disconnect(s, "x", 0);
        Topology after = TopologyBuilder.prepare(s.system(), s.diagnostics()).keeping(kept).orElseThrow();
        assertEquals(routes(kept).get("x a.x_out b.z_in"), routes(after).get("x a.x_out b.z_in"));
        assertEquals(List.of("q a.q_out b.q_in", "x a.x_out b.z_in"), List.copyOf(routes(after).keySet()));
        assertEquals(lines(after), lines(kept.withoutChannelEdge("x", 0)), "taken off at once as the layout keeps it");
        // a channel's only destination: the whole channel goes
        ChannelEdits.disconnect(s, "q", 0);
        Topology withoutQ = TopologyBuilder.prepare(s.system(), s.diagnostics()).keeping(after).orElseThrow();
        assertEquals(List.of("x a.x_out b.z_in"), List.copyOf(routes(withoutQ).keySet()));
        assertEquals(lines(withoutQ), lines(after.withoutChannelEdge("q", 0)));

        // a new port is a new box size: only a layout places it
        s.update(s.text().replace("port q_out", "port w_out sampling out size 8 B\n    port q_out"));
        assertTrue(TopologyBuilder.prepare(s.system(), s.diagnostics()).keeping(after).isEmpty());
    }

    /** Every edge as the page draws it (flags aside: the next validation brings them). */
    private static List<List<Object>> lines(Topology t) {
        return t.edges().stream().map(e -> List.<Object>of(e.id(), e.kind(), e.channel(), e.source(), e.target(),
                e.destination(), e.points())).toList();
    }

    /** Routes by what they connect ("channel source target"), sorted. */
    private static java.util.SortedMap<String, List<Point>> routes(Topology t) {
        java.util.SortedMap<String, List<Point>> all = new java.util.TreeMap<>();
        t.edges().forEach(e -> all.put(e.channel() + " " + e.source() + " " + e.target(), e.points()));
        return all;
    }

    @Test
    void deletingAnEdgeRemovesTheDestinationOrTheWholeLine() {
        SystemModelSession s = Fixtures.inline(SYSTEM);
        ChannelEdits.connect(s, "a.x_out", "b.z_in");
        ChannelEdits.disconnect(s, "x", 0);
        assertTrue(s.text().contains("\nchannel x sampling from a.x_out to b.z_in\nplan"), s.text());
        List<TextEdit> edits = ChannelEdits.disconnect(s, "x", 0);
        assertEquals(1, edits.size());
        assertEquals(SYSTEM.replace("channel x sampling from a.x_out to b.x_in\n", ""), s.text());
    }
}
