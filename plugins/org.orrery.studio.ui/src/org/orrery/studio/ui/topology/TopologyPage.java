// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.topology;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.orrery.dsl.model.SystemView;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.topology.ChannelEdits;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyBuilder;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.ui.SystemEditorContext;
import org.orrery.studio.ui.SystemEditorPage;

/**
 * "Topology" page of the system editor: partitions, VMs, services and channels laid out by ELK. Dragging from
 * an out port to an in port adds a channel, Delete removes the selected one; both go through the shared
 * document as one undoable change. A connection the language would reject is refused with its diagnostic. On a
 * large system a channel edit keeps the picture; Arrange All (the page's context menu) lays it out again.
 */
public final class TopologyPage implements SystemEditorPage {

    /** Up to this many boxes the layout takes a few tens of milliseconds and runs in line. */
    private static final int SYNCHRONOUS_NODES = 60;

    private SystemEditorContext context;
    private TopologyCanvas canvas;
    private long shown = -1;
    // During a channel edit on a large system whose validation is deferred: the page draws the change itself.
    private boolean drawingOwnEdit;
    // The text whose layout ELK is computing in the background, or null.
    private String layingOut;

    @Override
    public Control createControl(Composite parent, SystemEditorContext context) {
        this.context = context;
        canvas = new TopologyCanvas(parent);
        canvas.setGestures(new TopologyCanvas.Gestures() {
            @Override
            public void connect(String fromPort, String toPort) {
                TopologyPage.this.connect(fromPort, toPort);
            }

            @Override
            public void delete(TopologyEdge edge) {
                TopologyPage.this.delete(edge);
            }

            @Override
            public void arrange() {
                TopologyPage.this.arrange();
            }
        }, (from, to) -> {
            SystemView system = context.session().system();
            return system != null && ChannelEdits.refusal(system, from, to).isEmpty();
        });
        modelChanged();
        return canvas;
    }

    public TopologyCanvas canvas() {
        return canvas;
    }

    /**
     * Connects two ports as the drag gesture does; false (with the reason in the status line) if refused. The new
     * channel is drawn at once, routed straight; on a large system the rest of the picture stays where it was.
     */
    public boolean connect(String fromPort, String toPort) {
        return applyDrawing(() -> ChannelEdits.connectChecked(context.session(), fromPort, toPort),
                shown -> ChannelEdits.drawn(shown, context.session().system(), fromPort, toPort));
    }

    /** Removes a channel's line as Delete does; on a large system the rest of the picture stays. */
    public boolean delete(TopologyEdge edge) {
        if (!edge.isChannel()) {
            return false;
        }
        return applyDrawing(() -> ChannelEdits.disconnect(context.session(), edge.channel(), edge.destination()),
                shown -> shown.withoutChannelEdge(edge.channel(), edge.destination()));
    }

    /**
     * Applies a channel edit and shows {@code drawn} of the picture before it, unless the edit's notification has
     * drawn the page already.
     */
    private boolean applyDrawing(Supplier<List<TextEdit>> edit, UnaryOperator<Topology> drawn) {
        Topology shown = canvas.topology();
        drawingOwnEdit = shown != null && shown.nodes().size() > SYNCHRONOUS_NODES;
        boolean done;
        try {
            done = context.apply(edit);
        } finally {
            drawingOwnEdit = false;
        }
        if (done && shown != null && canvas.topology() == shown) {
            canvas.setTopology(drawn.apply(shown));
        }
        return done;
    }

    @Override
    public void modelChanged() {
        // The picture of a large system stays through a channel edit: its one line is drawn by applyDrawing, and the
        // model is read again (60-260 ms on 1,000 partitions) when the validation that follows brings the flags.
        if (drawingOwnEdit && !context.session().diagnosticsCurrent()) {
            return;
        }
        SystemModelSession session = SystemEditorPage.modelToShow(context, canvas, shown);
        if (session == null) {
            return;
        }
        SystemView system = session.system();
        if (system == null) {
            return;
        }
        shown = session.generation();
        if (canvas.topology() == null && session.text().equals(layingOut)) {
            return; // the first layout, still under way, is of this very text: it shows with the flags read then
        }
        TopologyBuilder.Prepared prepared = TopologyBuilder.prepare(system, session.diagnostics());
        // Large systems take ELK a second or more: when only lines changed (a channel connected or removed), they
        // keep the picture the integrator is working on.
        Optional<Topology> kept = prepared.nodes() <= SYNCHRONOUS_NODES ? Optional.empty()
                : prepared.keeping(canvas.topology());
        if (kept.isPresent()) {
            canvas.setTopology(kept.get());
        } else {
            layOut(prepared, shown);
        }
    }

    /** Lays the whole system out again, as shown on the page (Arrange All of the page's menu). */
    public void arrange() {
        SystemModelSession session = context.session();
        SystemView system = session.system();
        if (system != null) {
            shown = session.generation();
            layOut(TopologyBuilder.prepare(system, session.diagnostics()), shown);
        }
    }

    /**
     * Small systems at once; large ones in the background, shown if the model is still that of {@code generation}, or
     * still the same text (then with the flags of now).
     */
    private void layOut(TopologyBuilder.Prepared prepared, long generation) {
        if (prepared.nodes() <= SYNCHRONOUS_NODES) {
            canvas.setTopology(prepared.layout());
            return;
        }
        Display display = canvas.getDisplay();
        String text = context.session().text();
        layingOut = text;
        CompletableFuture.supplyAsync(prepared::layout).whenComplete((t, failed) -> display.asyncExec(() -> {
            if (layingOut == text) { // not when a later layout has started since
                layingOut = null;
            }
            if (t == null || canvas.isDisposed()) {
                return;
            }
            SystemModelSession now = context.session();
            if (now.generation() == generation) {
                canvas.setTopology(t);
            } else if (now.text().equals(text) && now.system() != null) {
                // Only the flags moved on meanwhile (the deferred validation): the layout stands, with today's flags.
                TopologyBuilder.prepare(now.system(), now.diagnostics()).keeping(t).ifPresent(canvas::setTopology);
            }
        }));
    }

    @Override
    public void activated() {
        modelChanged();
        canvas.setFocus();
    }
}
