// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.topology;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ScrollBar;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.topology.Box;
import org.orrery.studio.diagram.topology.Flags;
import org.orrery.studio.diagram.topology.Point;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.diagram.topology.TopologyMetrics;
import org.orrery.studio.diagram.topology.TopologyNode;
import org.orrery.studio.diagram.topology.TopologyPort;

/**
 * Paints a laid-out {@link Topology} and turns mouse input into gestures: press on an out port and drag to
 * an in port (or the other way round) to connect them (a rubber-band line follows the pointer, valid targets light up), click a
 * channel to select it, Delete removes it; Ctrl+wheel zooms, the scroll bars and wheel scroll. What a
 * gesture does is the page's business ({@link Gestures}); this class only paints and forwards input.
 */
public final class TopologyCanvas extends Canvas {

    /** What the canvas asks its page to do. */
    public interface Gestures {
        void connect(String fromPort, String toPort);

        void delete(TopologyEdge edge);

        /** Lays the whole system out again (the picture is kept through channel edits until then). */
        void arrange();
    }

    private static final double PORT_SLACK = 4;

    private final TopologyPalette palette;
    private final Font bold;
    private Topology topology;
    private Gestures gestures;
    private BiPredicate<String, String> connectable = (a, b) -> true;
    private double zoom = 1;
    private String selected;
    private String dragFrom;
    private Point dragAt;
    private Menu contextMenu;

    public TopologyCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL | SWT.V_SCROLL);
        palette = new TopologyPalette(getDisplay());
        FontData fd = getFont().getFontData()[0];
        bold = new Font(getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> updateScrollBars());
        getHorizontalBar().addListener(SWT.Selection, e -> redraw());
        getVerticalBar().addListener(SWT.Selection, e -> redraw());
        addListener(SWT.MouseDown, this::down);
        addListener(SWT.MouseMove, this::move);
        addListener(SWT.MouseUp, this::up);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.MenuDetect, this::menu);
        addListener(SWT.Dispose, e -> {
            bold.dispose();
            palette.dispose();
        });
    }

    public void setGestures(Gestures gestures, BiPredicate<String, String> connectable) {
        this.gestures = gestures;
        this.connectable = connectable;
    }

    public void setTopology(Topology topology) {
        this.topology = topology;
        if (selected != null && topology.edges().stream().noneMatch(e -> e.id().equals(selected))) {
            selected = null;
        }
        updateScrollBars();
        redraw();
    }

    public Topology topology() {
        return topology;
    }

    public double zoom() {
        return zoom;
    }

    public void setZoom(double zoom) {
        this.zoom = Math.max(0.25, Math.min(4, zoom));
        updateScrollBars();
        redraw();
    }

    public Optional<TopologyEdge> selection() {
        return topology == null || selected == null ? Optional.empty()
                : topology.edges().stream().filter(e -> e.id().equals(selected)).findFirst();
    }

    public void select(String edgeId) {
        selected = edgeId;
        redraw();
    }

    /** Screen position (canvas pixels) of a diagram point, for tests that post mouse events. */
    public org.eclipse.swt.graphics.Point toScreen(double x, double y) {
        return new org.eclipse.swt.graphics.Point((int) Math.round(x * zoom) - getHorizontalBar().getSelection(),
                (int) Math.round(y * zoom) - getVerticalBar().getSelection());
    }

    private Point toModel(int sx, int sy) {
        return new Point((sx + getHorizontalBar().getSelection()) / zoom, (sy + getVerticalBar().getSelection()) / zoom);
    }

    private void updateScrollBars() {
        int w = topology == null ? 0 : (int) Math.ceil(topology.width() * zoom);
        int h = topology == null ? 0 : (int) Math.ceil(topology.height() * zoom);
        bar(getHorizontalBar(), w, getClientArea().width);
        bar(getVerticalBar(), h, getClientArea().height);
    }

    private static void bar(ScrollBar bar, int content, int view) {
        bar.setMaximum(Math.max(content, 1));
        bar.setThumb(Math.max(1, Math.min(content, view)));
        bar.setPageIncrement(Math.max(1, view));
        bar.setVisible(content > view);
        if (content <= view) {
            bar.setSelection(0);
        }
    }

    private void down(Event e) {
        if (topology == null || e.button != 1) {
            return;
        }
        setFocus();
        Point p = toModel(e.x, e.y);
        Optional<TopologyPort> port = topology.portAt(p.x(), p.y(), PORT_SLACK);
        if (port.isPresent()) {
            dragFrom = port.get().id();
            dragAt = p;
            redraw();
            return;
        }
        selected = topology.edgeAt(p.x(), p.y(), 5 / zoom).map(TopologyEdge::id).orElse(null);
        redraw();
    }

    private void move(Event e) {
        if (topology == null) {
            return;
        }
        Point p = toModel(e.x, e.y);
        if (dragFrom != null) {
            dragAt = p;
            redraw();
            return;
        }
        setToolTipText(TopologyTooltips.describe(topology, p, PORT_SLACK, 5 / zoom));
    }

    private void up(Event e) {
        if (dragFrom == null) {
            return;
        }
        String from = dragFrom;
        dragFrom = null;
        dragAt = null;
        redraw();
        Point p = toModel(e.x, e.y);
        // Either way round: a drag from an in port to an out port means the same channel.
        Optional<TopologyPort> target = topology.portAt(p.x(), p.y(), PORT_SLACK);
        Optional<TopologyPort> source = topology.port(from);
        if (target.isPresent() && source.isPresent() && target.get().in() != source.get().in() && gestures != null) {
            boolean forward = source.get().out();
            gestures.connect(forward ? from : target.get().id(), forward ? target.get().id() : from);
        }
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0) {
            setZoom(zoom * (e.count > 0 ? 1.2 : 1 / 1.2));
            e.doit = false;
        }
    }

    private void menu(Event e) {
        if (gestures == null || topology == null) {
            e.doit = false;
            return;
        }
        if (contextMenu != null) {
            contextMenu.dispose(); // the last one is long hidden and its selection delivered
        }
        Menu menu = new Menu(this);
        contextMenu = menu;
        MenuItem arrange = new MenuItem(menu, SWT.PUSH);
        arrange.setText("Arrange All");
        arrange.addListener(SWT.Selection, ev -> gestures.arrange());
        menu.setLocation(e.x, e.y);
        menu.setVisible(true);
    }

    private void key(Event e) {
        if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && gestures != null) {
            selection().ifPresent(gestures::delete);
        } else if (e.character == '+' || e.character == '=') {
            setZoom(zoom * 1.2);
        } else if (e.character == '-') {
            setZoom(zoom / 1.2);
        } else if (e.character == '0') {
            setZoom(1);
        }
    }

    private void paint(GC gc) {
        gc.setBackground(palette.background());
        gc.fillRectangle(getClientArea());
        if (topology == null) {
            return;
        }
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        for (TopologyEdge edge : topology.edges()) {
            paintEdge(gc, edge);
        }
        for (TopologyNode node : topology.nodes()) {
            paintNode(gc, node);
        }
        if (dragFrom != null && dragAt != null) {
            TopologyPort from = topology.port(dragFrom).orElseThrow();
            gc.setForeground(palette.rubberBand());
            gc.setLineWidth(2);
            gc.setLineStyle(SWT.LINE_DASH);
            org.eclipse.swt.graphics.Point a = toScreen(from.bounds().centerX(), from.bounds().centerY());
            org.eclipse.swt.graphics.Point b = toScreen(dragAt.x(), dragAt.y());
            gc.drawLine(a.x, a.y, b.x, b.y);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    private void paintEdge(GC gc, TopologyEdge edge) {
        List<Point> pts = edge.points();
        if (pts.size() < 2) {
            return;
        }
        boolean sel = edge.id().equals(selected);
        Color color = !edge.diagnostics().isEmpty() ? palette.severity(Flags.worst(edge.diagnostics()))
                : sel ? palette.selection() : palette.edge(edge.kind());
        gc.setForeground(color);
        gc.setBackground(color);
        gc.setLineWidth(sel ? 3 : edge.kind() == TopologyEdge.Kind.HOSTS ? 1 : 2);
        gc.setLineStyle(edge.kind() == TopologyEdge.Kind.HOSTS ? SWT.LINE_DOT
                : edge.kind() == TopologyEdge.Kind.QUEUING ? SWT.LINE_DASH : SWT.LINE_SOLID);
        int[] poly = new int[pts.size() * 2];
        for (int i = 0; i < pts.size(); i++) {
            org.eclipse.swt.graphics.Point s = toScreen(pts.get(i).x(), pts.get(i).y());
            poly[2 * i] = s.x;
            poly[2 * i + 1] = s.y;
        }
        gc.drawPolyline(poly);
        gc.setLineStyle(SWT.LINE_SOLID);
        if (edge.isChannel()) {
            int n = poly.length;
            int tx = poly[n - 2];
            int ty = poly[n - 1];
            int dir = poly[n - 4] <= tx ? -1 : 1;
            gc.fillPolygon(new int[] {tx, ty, tx + dir * 8, ty - 4, tx + dir * 8, ty + 4});
        }
    }

    private void paintNode(GC gc, TopologyNode node) {
        Box b = node.bounds();
        org.eclipse.swt.graphics.Point tl = toScreen(b.x(), b.y());
        int w = (int) Math.round(b.width() * zoom);
        int h = (int) Math.round(b.height() * zoom);
        gc.setBackground(palette.node(node.kind()));
        gc.fillRoundRectangle(tl.x, tl.y, w, h, 8, 8);
        ModelDiagnostic.Severity worst = Flags.worst(node.diagnostics());
        gc.setForeground(worst != null ? palette.severity(worst) : palette.border());
        gc.setLineWidth(worst != null ? 2 : 1);
        gc.drawRoundRectangle(tl.x, tl.y, w, h, 8, 8);
        gc.setForeground(palette.text());
        int pad = (int) (TopologyMetrics.PADDING * zoom);
        gc.setFont(bold);
        gc.drawText(node.name(), tl.x + pad, tl.y + (int) (3 * zoom), true);
        gc.setFont(getFont());
        gc.setForeground(palette.detail());
        gc.drawText(node.detail(), tl.x + pad, tl.y + (int) (19 * zoom), true);
        for (TopologyPort p : node.ports()) {
            paintPort(gc, node, p);
        }
    }

    private boolean dragFromOut() {
        return topology.port(dragFrom).map(TopologyPort::out).orElse(true);
    }

    private void paintPort(GC gc, TopologyNode node, TopologyPort p) {
        Box pb = p.bounds();
        org.eclipse.swt.graphics.Point tl = toScreen(pb.x(), pb.y());
        int s = Math.max(4, (int) Math.round(pb.width() * zoom));
        boolean target = dragFrom != null && (dragFromOut() ? p.in() && connectable.test(dragFrom, p.id())
                : p.out() && connectable.test(p.id(), dragFrom));
        gc.setBackground(target ? palette.validTarget() : palette.port(p.kind()));
        gc.fillRectangle(tl.x, tl.y, s, s);
        ModelDiagnostic.Severity worst = Flags.worst(p.diagnostics());
        gc.setForeground(worst != null ? palette.severity(worst) : palette.border());
        gc.setLineWidth(worst != null ? 2 : 1);
        gc.drawRectangle(tl.x, tl.y, s, s);
        gc.setForeground(palette.text());
        int textY = tl.y + s / 2 - gc.getFontMetrics().getHeight() / 2;
        int inset = (int) (TopologyMetrics.PADDING * zoom);
        if (p.in()) {
            gc.drawText(p.name(), toScreen(node.bounds().x(), 0).x + inset, textY, true);
        } else {
            int width = gc.textExtent(p.name()).x;
            gc.drawText(p.name(), toScreen(node.bounds().right(), 0).x - inset - width, textY, true);
        }
    }
}
