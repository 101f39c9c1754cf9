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

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Channel;
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
 * {@link ChannelEdits#connectChecked}, as the topology page does), must give the same text and the same
 * diagnostics. A new channel is parsed alone and linked into the session's model: that model must be the one a
 * full parse of the text gives, node model included, and the problems told about the channel before the rest of
 * the file is validated must be those the whole validation reports on it.
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
                        int[] alone = new int[3];
                        int made = randomConnects(SystemModelSession.open(f.toUri(), text),
                                SystemModelSession.open(f.toUri(), text),
                                SystemModelSession.openDeferringValidation(f.toUri(), text),
                                new Random(f.getParent().getFileName().toString().hashCode() + kept), 8, alone);
                        assertTrue(made >= 1, "no connection made in " + f);
                        assertTrue(alone[0] + alone[1] >= 1, "no declaration parsed alone in " + f);
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
        // destination of an existing channel, or of a new one) whose refresh is below the 100 ms period of its
        // source: the language warns about the channel.
        String text = Fixtures.large(200).replace("    port rx sampling in size 64 B refresh 200 ms\n",
                "    port rx sampling in size 64 B refresh 200 ms\n    port aux_out sampling out size 32 B\n"
                        + "    port spare sampling in size 64 B refresh 50 ms\n");
        int[] alone = new int[3];
        int made = randomConnects(Fixtures.inline(text), Fixtures.inline(text), Fixtures.inlineDeferringValidation(text),
                new Random(16), 6, alone);
        assertEquals(6, made);
        assertTrue(alone[0] > 0 && alone[1] > 0 && alone[2] > 0, "new channels, further destinations and disconnects"
                + " in place: " + java.util.Arrays.toString(alone));
    }

    @Test
    void aDeclarationThatCannotBeInsertedAloneIsParsedWithTheWholeFile() {
        // No declaration before the new channel: it goes at the end of the file, and the file is parsed again.
        String text = "system lone\n";
        SystemModelSession s = Fixtures.inline(text);
        s.insertDeclaration(new TextEdit(text.length(), 0, "board sim {\n    memory 64 MiB\n    tick 1 ms\n}\n"));
        assertEquals(1, s.root().getElements().size());
        assertSameAsFreshParse(s);
        // A partition may be the target of references: it is never inserted alone.
        Resource before = s.root().eResource();
        int end = s.text().length() - 1;
        s.insertDeclaration(new TextEdit(end, 0, "\npartition p {\n    memory 8 MiB\n}"));
        assertTrue(s.root().eResource() != before, "parsed again");
        assertSameAsFreshParse(s);
        // A declaration the rule does not read whole (two of them) is not inserted alone either.
        before = s.root().eResource();
        end = s.text().length() - 1;
        s.insertDeclaration(new TextEdit(end, 0, "\nchannel x sampling from p.a to p.b channel y sampling from p.a to p.b"));
        assertTrue(s.root().eResource() != before, "parsed again");
        assertSameAsFreshParse(s);
    }

    @Test
    void aChannelWithAnUnresolvedReferenceGainsNoDestinationWhetherValidatedOrNot() {
        String text = ChannelEditsTest.SYSTEM.replace("to b.x_in", "to b.x_in, b.gone");
        for (SystemModelSession s : List.of(Fixtures.inline(text), Fixtures.inlineDeferringValidation(text))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ChannelEdits.connectChecked(s, "a.x_out", "b.z_in"));
            assertEquals("[unresolved-reference] Unknown port 'b.gone'.", refused.getMessage());
            assertEquals(text, s.text());
        }
    }

    @Test
    void aDeclarationWithAnUnresolvedReferenceIsChangedAndRestoredInPlace() {
        String text = ChannelEditsTest.SYSTEM.replace("to b.x_in", "to b.x_in, b.gone");
        SystemModelSession s = Fixtures.inlineDeferringValidation(text);
        s.validate();
        XtextResource resource = (XtextResource) s.root().eResource();
        List<Resource.Diagnostic> errors = List.copyOf(resource.getErrors());
        List<ModelDiagnostic> flags = s.diagnostics();
        assertTrue(flags.stream().anyMatch(d -> d.message().contains("b.gone")), flags.toString());
        SystemModelSession.Checkpoint checkpoint = s.checkpoint();
        int end = text.indexOf("b.gone") + "b.gone".length();
        s.editDeclaration(new TextEdit(end, 0, ", b.z_in"));
        assertTrue(s.root().eResource() == resource, "changed in place");
        s.validate();
        assertSameAsFreshParse(s);
        s.restore(checkpoint);
        assertEquals(text, s.text());
        assertEquals(flags, s.diagnostics());
        assertTrue(resource.getErrors().size() == errors.size() && resource.getErrors().containsAll(errors),
                resource.getErrors().toString());
        assertSameAsFreshParse(s);
    }

    @Test
    void aRemovedDeclarationComesBackFromACheckpoint() {
        String text = ChannelEditsTest.SYSTEM.replace("channel x sampling from a.x_out to b.x_in\n",
                "channel x sampling from a.x_out to b.x_in\nchannel q queuing from a.q_out to b.gone\n");
        SystemModelSession s = Fixtures.inlineDeferringValidation(text);
        s.validate();
        List<ModelDiagnostic> flags = s.diagnostics();
        Resource resource = s.root().eResource();
        SystemModelSession.Checkpoint checkpoint = s.checkpoint();
        ChannelEdits.disconnect(s, "q", 0);
        assertTrue(s.root().eResource() == resource, "taken out in place");
        assertTrue(!s.text().contains("channel q"), s.text());
        s.validate();
        assertSameAsFreshParse(s);
        s.restore(checkpoint);
        assertEquals(text, s.text());
        assertEquals(flags, s.diagnostics());
        assertSameAsFreshParse(s);
    }

    @Test
    void aNameThatIsAKeywordIsWrittenEscaped() {
        // The channel is named after its source port: 'from', a keyword. (The change serializer writes it bare,
        // and the text it makes does not parse.)
        String text = ChannelEditsTest.SYSTEM.replace("    port q_out queuing out", "    port from_out sampling out size 8 B\n"
                + "    port q_out queuing out");
        SystemModelSession checked = Fixtures.inline(text);
        ChannelEdits.connectChecked(checked, "a.from_out", "b.z_in");
        SystemModelSession connected = Fixtures.inlineDeferringValidation(text);
        ChannelEdits.connect(connected, "a.from_out", "b.z_in");
        connected.validate();
        for (SystemModelSession s : List.of(checked, connected)) {
            assertTrue(s.text().contains("\nchannel ^from sampling from a.from_out to b.z_in\n"), s.text());
            assertTrue(!s.hasSyntaxErrors() && s.system().channels().stream().anyMatch(c -> "from".equals(c.getName())),
                    s.diagnostics().toString());
            assertSameAsFreshParse(s);
        }
    }

    /**
     * Up to {@code count} random allowed connections, made through the serializer and as region edits in a session
     * that validates and one that defers validation (as the system editor's does); answers how many were made.
     * {@code alone} counts the new channels and the further destinations whose declaration was parsed alone, and
     * the disconnects made in place.
     */
    private static int randomConnects(SystemModelSession region, SystemModelSession serializer,
            SystemModelSession deferring, Random random, int count, int[] alone) {
        int made = 0;
        for (int i = 0; i < count; i++) {
            String[] pair = randomPair(region.system(), random);
            if (pair == null) {
                break;
            }
            String what = pair[0] + " -> " + pair[1];
            Resource before = deferring.root().eResource();
            List<TextEdit> byRegion;
            try {
                byRegion = ChannelEdits.connectChecked(region, pair[0], pair[1]);
            } catch (IllegalArgumentException refused) {
                // The language reports an error on the channel (e.g. a destination too small): refused both ways.
                String text = deferring.text();
                List<ModelDiagnostic> flags = deferring.diagnostics();
                boolean current = deferring.diagnosticsCurrent();
                IllegalArgumentException also = assertThrows(IllegalArgumentException.class,
                        () -> ChannelEdits.connectChecked(deferring, pair[0], pair[1]), what);
                assertEquals(refused.getMessage(), also.getMessage(), what);
                // as it was, flags included (the editor does not validate again after a refusal)
                assertEquals(text, deferring.text(), what);
                assertEquals(flags, deferring.diagnostics(), what);
                assertEquals(current, deferring.diagnosticsCurrent(), what);
                assertEquals(serializer.text(), region.text(), what);
                continue;
            }
            List<TextEdit> bySerializer = ChannelEdits.connectThroughSerializer(serializer, pair[0], pair[1]);
            assertEquals(serializer.text(), region.text(), what);
            assertEquals(labels(serializer.diagnostics()), labels(region.diagnostics()), what);
            // A further destination: the serializer rewrites the declaration, the region edit inserts the port.
            assertTrue(weight(byRegion) <= weight(bySerializer), what + ": " + byRegion + " vs " + bySerializer);

            assertEquals(byRegion, ChannelEdits.connectChecked(deferring, pair[0], pair[1]), what);
            Channel channel = channelWith(deferring, pair[1]);
            List<ModelDiagnostic> told = deferring.problemsOf(channel);
            boolean newChannel = byRegion.get(0).replacement().startsWith("\nchannel ");
            if (deferring.root().eResource() == before) {
                alone[newChannel ? 0 : 1]++;
            }
            deferring.validate();
            assertEquals(labels(deferring.diagnosticsOf(channel)), labels(told), what);
            assertEquals(labels(region.diagnostics()), labels(deferring.diagnostics()), what);
            made++;
        }
        // Then half of the channels' edges go again, one destination or a whole declaration at a time.
        int removed = 0;
        for (int i = 0; i < made / 2 + 1; i++) {
            List<Channel> channels = region.system().channels().stream()
                    .filter(c -> c.eResource() == region.root().eResource()).toList();
            if (channels.isEmpty()) {
                break;
            }
            Channel c = channels.get(random.nextInt(channels.size()));
            int destination = random.nextInt(c.getDestinations().size());
            String what = "disconnect " + c.getName() + "#" + destination;
            Resource before = deferring.root().eResource();
            // A whole declaration goes with its lines; when a blank line or a comment precedes it, what a parse
            // gives differs from the model without its node, and the file is parsed again.
            INode node = NodeModelUtils.getNode(c);
            boolean ownLine = c.getDestinations().size() > 1
                    || node.getText().substring(0, node.getOffset() - node.getTotalOffset()).equals("\n");
            List<TextEdit> edits = ChannelEdits.disconnect(region, c.getName(), destination);
            assertEquals(edits, ChannelEdits.disconnect(deferring, c.getName(), destination), what);
            assertEquals(region.text(), deferring.text(), what);
            if (ownLine) {
                assertTrue(deferring.root().eResource() == before, what + ": taken out in place");
                alone[2]++;
            }
            removed++;
        }
        assertSameAsFreshParse(region);
        deferring.validate();
        assertEquals(labels(region.diagnostics()), labels(deferring.diagnostics()));
        assertSameAsFreshParse(deferring);
        assertTrue(removed > 0 || made == 0, "nothing disconnected");
        return made;
    }

    private static Channel channelWith(SystemModelSession s, String destination) {
        return s.system().channels().stream()
                .filter(c -> c.getDestinations().stream().anyMatch(d -> destination.equals(
                        ((Partition) d.eContainer()).getName() + "." + d.getName())))
                .findFirst().orElseThrow();
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

    /** The session holds what a fresh parse of its text gives: diagnostics, positions and node model. */
    static void assertSameAsFreshParse(SystemModelSession s) {
        SystemModelSession fresh = SystemModelSession.open(s.fileUri(), s.text());
        assertEquals(fresh.diagnostics().stream().map(ModelDiagnostic::toString).toList(),
                s.diagnostics().stream().map(ModelDiagnostic::toString).toList());
        assertEquals(nodes(fresh), nodes(s));
    }

    /** Every node: kind, grammar element, offsets, line, look-ahead and the object it holds. */
    private static String nodes(SystemModelSession s) {
        StringBuilder out = new StringBuilder();
        for (INode n : ((XtextResource) s.root().eResource()).getParseResult().getRootNode().getAsTreeIterable()) {
            out.append(n.getClass().getSimpleName()).append(' ')
                    .append(n.getGrammarElement() == null ? "-" : EcoreUtil.getURI(n.getGrammarElement()).fragment())
                    .append(' ').append(n.getTotalOffset()).append('+').append(n.getTotalLength()).append(" line ")
                    .append(n.getStartLine());
            if (n instanceof ICompositeNode c) {
                out.append(" la ").append(c.getLookAhead());
                if (c.hasDirectSemanticElement()) {
                    out.append(' ').append(EcoreUtil.getURI(c.getSemanticElement()).fragment());
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int weight(List<TextEdit> edits) {
        return edits.stream().mapToInt(e -> e.length() + e.replacement().length()).sum();
    }

    private static List<String> labels(List<ModelDiagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.severity() + " " + d.label() + " @" + d.objectFragment()).toList();
    }
}
