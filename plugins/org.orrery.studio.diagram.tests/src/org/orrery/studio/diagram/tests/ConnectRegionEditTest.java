// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortDirection;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.topology.ChannelEdits;

/**
 * Connections are region edits of the text; the change serializer is the reference. Random connections on every
 * example and on a generated 200-partition system, made both ways on twin sessions (the region way through
 * propose + accept, as the topology page does), must give the same text and the same diagnostics.
 */
class ConnectRegionEditTest {

    /**
     * The examples connect every port, so their channels are taken out first: all but the first (new channels go
     * after the last channel, sampling ones may fan out) or all of them (the first goes after the last partition).
     */
    @TestFactory
    Stream<DynamicTest> randomConnectsMatchTheSerializer() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.examples())) {
            List<Path> files = dirs.map(d -> d.resolve("system.orrery")).filter(Files::isRegularFile).sorted().toList();
            assertTrue(files.size() >= 4, files.toString());
            return files.stream().flatMap(f -> Stream.of(1, 0).map(kept -> DynamicTest.dynamicTest(
                    f.getParent().getFileName() + ", " + kept + " channel(s) kept", () -> {
                        String text = withChannels(Files.readString(f), kept);
                        int made = randomConnects(SystemModelSession.open(f.toUri(), text),
                                SystemModelSession.open(f.toUri(), text),
                                new Random(f.getParent().getFileName().toString().hashCode() + kept), 8);
                        assertTrue(made >= 1, "no connection made in " + f);
                    })));
        }
    }

    /** {@code text} with only its first {@code kept} channel declarations (one line each in the examples). */
    private static String withChannels(String text, int kept) {
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("channel ") && seen++ >= kept) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    @Test
    void randomConnectsOnALargeSystemMatchTheSerializer() {
        // Every generated partition gets a free sampling out port (a new channel) and a free in port (a further
        // destination of an existing channel, or of a new one).
        String text = Fixtures.large(200).replace("    port rx sampling in size 64 B refresh 200 ms\n",
                "    port rx sampling in size 64 B refresh 200 ms\n    port aux_out sampling out size 32 B\n"
                        + "    port spare sampling in size 64 B refresh 200 ms\n");
        SystemModelSession region = Fixtures.inline(text);
        SystemModelSession serializer = Fixtures.inline(text);
        int made = randomConnects(region, serializer, new Random(16), 4);
        assertEquals(4, made);
    }

    @Test
    void aProposalMadeOnAnotherTextIsRefused() {
        SystemModelSession s = Fixtures.inline(ChannelEditsTest.SYSTEM);
        ChannelEdits.Proposal p = ChannelEdits.propose(s, "a.q_out", "b.q_in");
        ChannelEdits.connect(s, "a.x_out", "b.z_in");
        String before = s.text();
        assertThrows(IllegalStateException.class, () -> ChannelEdits.accept(s, p));
        assertEquals(before, s.text());
    }

    @Test
    void aNameThatIsAKeywordIsWrittenEscaped() {
        // The channel is named after its source port: 'from', a keyword. (The change serializer writes it bare,
        // and the text it makes does not parse.)
        String text = ChannelEditsTest.SYSTEM.replace("    port q_out queuing out", "    port from_out sampling out size 8 B\n"
                + "    port q_out queuing out");
        SystemModelSession proposed = Fixtures.inline(text);
        ChannelEdits.Proposal p = ChannelEdits.propose(proposed, "a.from_out", "b.z_in");
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        ChannelEdits.accept(proposed, p);
        SystemModelSession connected = Fixtures.inline(text);
        ChannelEdits.connect(connected, "a.from_out", "b.z_in");
        for (SystemModelSession s : List.of(proposed, connected)) {
            assertTrue(s.text().contains("\nchannel ^from sampling from a.from_out to b.z_in\n"), s.text());
            assertTrue(!s.hasSyntaxErrors() && s.system().channels().stream().anyMatch(c -> "from".equals(c.getName())),
                    s.diagnostics().toString());
            assertSameAsFreshParse(s);
        }
    }

    /** Up to {@code count} random allowed connections both ways; answers how many were made. */
    private static int randomConnects(SystemModelSession region, SystemModelSession serializer, Random random, int count) {
        int made = 0;
        for (int i = 0; i < count; i++) {
            String[] pair = randomPair(region.system(), random);
            if (pair == null) {
                break;
            }
            String what = pair[0] + " -> " + pair[1];
            ChannelEdits.Proposal proposal = ChannelEdits.propose(region, pair[0], pair[1]);
            List<TextEdit> byRegion = ChannelEdits.accept(region, proposal);
            List<TextEdit> bySerializer = ChannelEdits.connectThroughSerializer(serializer, pair[0], pair[1]);
            assertEquals(serializer.text(), region.text(), what);
            assertEquals(labels(serializer.diagnostics()), labels(region.diagnostics()), what);
            // A further destination: the serializer rewrites the declaration, the region edit inserts the port.
            assertTrue(weight(byRegion) <= weight(bySerializer), what + ": " + byRegion + " vs " + bySerializer);
            made++;
        }
        assertSameAsFreshParse(region);
        return made;
    }

    /** A random (out port, in port) pair the topology page would offer, or null when there is none. */
    private static String[] randomPair(SystemView system, Random random) {
        List<String> outs = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        for (Partition p : system.partitions()) {
            if (p.eResource() != system.root().eResource()) {
                continue;
            }
            for (Port port : p.getPorts()) {
                (port.getDirection() == PortDirection.SOURCE ? outs : ins).add(p.getName() + "." + port.getName());
            }
        }
        // Random tries rather than every pair: a large system has 10^5 pairs.
        for (int i = 0; i < 5_000 && !outs.isEmpty() && !ins.isEmpty(); i++) {
            String from = outs.get(random.nextInt(outs.size()));
            String to = ins.get(random.nextInt(ins.size()));
            if (ChannelEdits.refusal(system, from, to).isEmpty()) {
                return new String[] { from, to };
            }
        }
        return null;
    }

    private static void assertSameAsFreshParse(SystemModelSession s) {
        SystemModelSession fresh = SystemModelSession.open(s.fileUri(), s.text());
        assertEquals(fresh.diagnostics().stream().map(ModelDiagnostic::toString).toList(),
                s.diagnostics().stream().map(ModelDiagnostic::toString).toList());
    }

    private static int weight(List<TextEdit> edits) {
        return edits.stream().mapToInt(e -> e.length() + e.replacement().length()).sum();
    }

    private static List<String> labels(List<ModelDiagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.severity() + " " + d.label() + " @" + d.objectFragment()).toList();
    }
}
