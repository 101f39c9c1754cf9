// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Element;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.OrreryFactory;
import org.orrery.dsl.orrery.OrreryPackage;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortDirection;
import org.orrery.dsl.orrery.PortKind;
import org.orrery.studio.diagram.edit.ElementText;
import org.orrery.studio.diagram.edit.Identifiers;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;

/**
 * Channel edits of the topology diagram, written as text (region edits: a new one-line declaration, one more
 * destination, a declaration's lines or one destination removed), each declaration parsed alone into the session's
 * model; the change serializer's way to connect ({@link #connectThroughSerializer}) is kept as the reference.
 * Before offering a connection, only the structure is checked (an out port to an in port of the same kind,
 * each port in at most one channel); everything else (message sizes, refresh periods) is left to the
 * language's own rules, run on the edited model by {@link #connectChecked}.
 */
public final class ChannelEdits {

    private ChannelEdits() {
    }

    /**
     * Why {@code from} cannot be connected to {@code to} (port ids {@code partition.port}), or empty when it
     * can. A sampling source already in a channel gains a destination; a queuing one cannot.
     */
    public static Optional<String> refusal(SystemView system, String from, String to) {
        Port src = port(system, from);
        Port dst = port(system, to);
        if (src == null || dst == null) {
            return Optional.of("Unknown port " + (src == null ? from : to) + ".");
        }
        if (src.getDirection() != PortDirection.SOURCE) {
            return Optional.of("Port " + from + " is an 'in' port; a channel starts at an 'out' port.");
        }
        if (dst.getDirection() != PortDirection.DESTINATION) {
            return Optional.of("Port " + to + " is an 'out' port; a channel ends at an 'in' port.");
        }
        if (src.getKind() != dst.getKind()) {
            return Optional.of("Port " + from + " is " + src.getKind().getLiteral() + " but " + to + " is "
                    + dst.getKind().getLiteral() + ".");
        }
        Channel taken = system.firstChannelOf(dst);
        if (taken != null) {
            return Optional.of("Port " + to + " is already connected by channel " + taken.getName() + ".");
        }
        Channel existing = system.firstChannelOf(src);
        if (existing != null && src.getKind() == PortKind.QUEUING) {
            return Optional.of("Queuing port " + from + " already feeds channel " + existing.getName()
                    + "; a queuing channel has one destination.");
        }
        if (existing != null && existing.eResource() != system.root().eResource()) {
            return Optional.of("Channel " + existing.getName() + " is declared in an imported file.");
        }
        return Optional.empty();
    }

    /**
     * Connects {@code from} to {@code to} in the session, as the topology page's gesture does: refused
     * (IllegalArgumentException with the first one's message, session unchanged) when the language reports an
     * error on the channel. Only the channel's own rules and the file-wide ones run here when the session defers
     * validation; the rest of the file is validated when the owner calls {@link SystemModelSession#validate()}.
     */
    public static List<TextEdit> connectChecked(SystemModelSession session, String from, String to) {
        SystemModelSession.Checkpoint before = session.checkpoint();
        Connection c = connection(session, from, to);
        List<TextEdit> edits = connect(session, c, from, to);
        Channel channel = channel(session.root(), c.channel());
        List<ModelDiagnostic> errors = session.problemsOf(channel).stream().filter(ModelDiagnostic::isError).toList();
        if (!errors.isEmpty()) {
            session.restore(before);
            throw new IllegalArgumentException(errors.get(0).label());
        }
        return edits;
    }

    /**
     * {@code shown} (the topology on the page before the connection) with the channel edge of the connection
     * {@code from} -> {@code to} that {@code system} now holds, routed straight away: the page shows it at once and
     * the layout of the whole system, which takes ELK seconds on a large one, replaces it when done.
     */
    public static Topology drawn(Topology shown, SystemView system, String from, String to) {
        Port dst = port(system, to);
        Channel c = dst == null ? null : system.firstChannelOf(dst);
        if (c == null || c.getSource() != port(system, from)) {
            return shown;
        }
        TopologyEdge.Kind kind = c.getKind() == PortKind.QUEUING ? TopologyEdge.Kind.QUEUING : TopologyEdge.Kind.SAMPLING;
        String fragment = c.eResource() == null ? null : c.eResource().getURIFragment(c);
        return shown.withChannel(c.getName(), kind, from, to, c.getDestinations().indexOf(dst), fragment);
    }

    /**
     * Connects {@code from} to {@code to} in the session; answers the text edits that did it. The edit is
     * written as text (a region edit: one line for a new channel, ", partition.port" for a further destination),
     * and the channel's declaration alone is parsed and linked into the model
     * ({@link SystemModelSession#insertDeclaration}, {@link SystemModelSession#editDeclaration}). Names that are
     * keywords are written escaped ({@code ^from}); should the text so written still not parse, the session is left
     * as it was (IllegalStateException).
     */
    public static List<TextEdit> connect(SystemModelSession session, String from, String to) {
        return connect(session, connection(session, from, to), from, to);
    }

    private static List<TextEdit> connect(SystemModelSession session, Connection c, String from, String to) {
        SystemModelSession.Checkpoint before = session.checkpoint();
        boolean clean = !session.hasSyntaxErrors();
        if (c.declaration()) {
            session.insertDeclaration(c.edits().get(0));
        } else {
            session.editDeclaration(c.edits().get(0));
        }
        if (clean && session.hasSyntaxErrors()) {
            session.restore(before);
            throw new IllegalStateException("The connection " + from + " -> " + to + " cannot be written as text.");
        }
        return c.edits();
    }

    /**
     * A connection's text edit (one), the name of the channel that carries it, and whether it is a new declaration
     * (else a further destination of an existing one).
     */
    private record Connection(List<TextEdit> edits, String channel, boolean declaration) {
    }

    private static Connection connection(SystemModelSession session, String from, String to) {
        SystemView system = session.system();
        refusal(system, from, to).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        Port src = port(system, from);
        Channel existing = system.firstChannelOf(src);
        if (existing != null) {
            // The serializer would rewrite the declaration on one line; only the new destination is needed.
            int end = ElementText.endOf(existing, OrreryPackage.Literals.CHANNEL__DESTINATIONS);
            return new Connection(List.of(new TextEdit(end, 0, ", " + Identifiers.escaped(to))), existing.getName(), false);
        }
        Model root = session.root();
        int index = insertionIndex(root);
        Element previous = index == 0 ? null : root.getElements().get(index - 1);
        String name = freshName(system, src);
        // Written as the serializer writes a new channel: tokens single-spaced on one line, ports by the
        // qualified name the scope knows them by (partition.port, the id the diagram uses).
        String line = "channel " + Identifiers.escaped(name) + " " + src.getKind().getLiteral() + " from "
                + Identifiers.escaped(from) + " to " + Identifiers.escaped(to);
        return new Connection(ElementText.insertAfter(session.text(), previous, line), name, true);
    }

    /**
     * The change serializer's way to connect (kept to compare the two paths, and the reference for tests): the
     * channel is added to the model and written by the serializer, then placed as a single line.
     */
    public static List<TextEdit> connectThroughSerializer(SystemModelSession session, String from, String to) {
        SystemView before = session.system();
        refusal(before, from, to).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        Channel existing = before.firstChannelOf(port(before, from));
        if (existing != null) {
            // A change inside one declaration: the serializer rewrites just that declaration.
            return rewrite(session, existing.getName(), root -> {
                SystemView system = SystemView.of(root);
                system.firstChannelOf(port(system, from)).getDestinations().add(port(system, to));
            });
        }
        String text = session.text();
        Model oldRoot = session.root();
        int index = insertionIndex(oldRoot);
        Element previous = index == 0 ? null : oldRoot.getElements().get(index - 1);
        String name = freshName(before, port(before, from));
        session.edit(root -> {
            SystemView system = SystemView.of(root);
            Port src = port(system, from);
            Channel c = OrreryFactory.eINSTANCE.createChannel();
            c.setName(name);
            c.setKind(src.getKind());
            c.setSource(src);
            c.getDestinations().add(port(system, to));
            root.getElements().add(index, c);
        });
        String line = ElementText.oneLine(channel(session.root(), name));
        List<TextEdit> edits = ElementText.insertAfter(text, previous, line);
        session.update(TextEdit.apply(text, edits));
        return edits;
    }

    /**
     * Removes edge {@code destination} of {@code channel}: the destination when the channel has several, else
     * the whole channel.
     */
    public static List<TextEdit> disconnect(SystemModelSession session, String channel, int destination) {
        Channel c = channel(session.root(), channel);
        if (c.getDestinations().size() > 1) {
            // The destination and the comma that joins it to its neighbour go; the declaration is parsed alone.
            List<INode> nodes = NodeModelUtils.findNodesForFeature(c, OrreryPackage.Literals.CHANNEL__DESTINATIONS);
            if (nodes.size() != c.getDestinations().size() || destination < 0 || destination >= nodes.size()) {
                throw new IllegalArgumentException("Channel " + channel + " has no destination " + destination + ".");
            }
            int from = destination > 0 ? nodes.get(destination - 1).getEndOffset() : nodes.get(0).getOffset();
            int to = destination > 0 ? nodes.get(destination).getEndOffset() : nodes.get(1).getOffset();
            TextEdit edit = new TextEdit(from, to - from, "");
            session.editDeclaration(edit);
            return List.of(edit);
        }
        List<TextEdit> edits = ElementText.remove(session.text(), c);
        session.removeDeclaration(c, edits.get(0));
        return edits;
    }

    /**
     * Changes channel {@code name} with the serializer and replaces just that declaration's text by what the
     * serializer wrote for it, so the formatter's opinion of the neighbouring lines does not leak into the edit.
     */
    private static List<TextEdit> rewrite(SystemModelSession session, String name, Consumer<Model> change) {
        String text = session.text();
        Channel old = channel(session.root(), name);
        int start = ElementText.startOf(old);
        int end = ElementText.endOf(old);
        session.edit(change);
        List<TextEdit> edits = List.of(new TextEdit(start, end - start, ElementText.oneLine(channel(session.root(), name))));
        session.update(TextEdit.apply(text, edits));
        return edits;
    }

    private static Channel channel(Model root, String name) {
        return root.getElements().stream().filter(e -> e instanceof Channel ch && name.equals(ch.getName()))
                .map(Channel.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No channel " + name + " in this file."));
    }

    static Port port(SystemView system, String id) {
        int dot = id.indexOf('.');
        if (system == null || dot < 0) {
            return null;
        }
        String partition = id.substring(0, dot);
        String name = id.substring(dot + 1);
        for (Partition p : system.partitions()) {
            if (partition.equals(p.getName())) {
                for (Port port : p.getPorts()) {
                    if (name.equals(port.getName())) {
                        return port;
                    }
                }
            }
        }
        return null;
    }

    /** The source port's name without an {@code _out} suffix, made unique among the system's names. */
    private static String freshName(SystemView system, Port src) {
        String base = src.getName().replaceFirst("_out$", "");
        Set<String> taken = new HashSet<>();
        system.channels().forEach(c -> taken.add(c.getName()));
        system.partitions().forEach(p -> taken.add(p.getName()));
        system.vms().forEach(v -> taken.add(v.getName()));
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** After the file's last channel, else after its last partition, else at the end. */
    private static int insertionIndex(Model root) {
        List<Element> elements = root.getElements();
        int afterPartition = -1;
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (elements.get(i) instanceof Channel) {
                return i + 1;
            }
            if (afterPartition < 0 && elements.get(i) instanceof Partition) {
                afterPartition = i + 1;
            }
        }
        return afterPartition >= 0 ? afterPartition : elements.size();
    }
}
