// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.diagram.memory.Bar;
import org.orrery.studio.diagram.topology.Box;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.diagram.topology.TopologyNode;
import org.orrery.studio.diagram.topology.TopologyPort;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.ui.SystemEditor;
import org.orrery.studio.ui.memory.MemoryMapCanvas;
import org.orrery.studio.ui.memory.MemoryMapPage;
import org.orrery.studio.ui.topology.TopologyCanvas;
import org.orrery.studio.ui.topology.TopologyPage;

/** The topology and memory-map pages of the system editor, driven by posted mouse and key events. */
class TopologyEditorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EVENTS = "channel events queuing from fcs.events_out to maint.events_in overflow block\n";

    private IProject project;
    private SystemEditor editor;

    @AfterEach
    void cleanUp() throws Exception {
        if (editor != null) {
            // Un-maximize first: other tests expect the perspective's views where they were.
            IWorkbenchPage page = editor.getSite().getPage();
            page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);
            page.closeEditor(editor, false);
        }
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    /** The example in a plain project (no Orrery nature: no builder runs), its system file rewritten by {@code edit}. */
    private IDocument open(String example, String name, java.util.function.UnaryOperator<String> edit) throws Exception {
        project = Projects.plain(name);
        Examples.copyTo(example, project, null);
        IFile file = project.getFile("system.orrery");
        String text = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
        file.setContents(new ByteArrayInputStream(edit.apply(text).getBytes(StandardCharsets.UTF_8)), true, false, null);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        editor = assertInstanceOf(SystemEditor.class, IDE.openEditor(page, file, SystemEditor.ID));
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
        return editor.textEditor().getDocumentProvider().getDocument(editor.textEditor().getEditorInput());
    }

    private static void mouse(TopologyCanvas canvas, int type, Point at, int stateMask) {
        Event e = new Event();
        e.type = type;
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.x = at.x;
        e.y = at.y;
        e.stateMask = stateMask;
        canvas.notifyListeners(type, e);
        Widgets.flushEvents();
    }

    private static Point center(TopologyCanvas canvas, Box b) {
        return canvas.toScreen(b.centerX(), b.centerY());
    }

    @Test
    void draggingFromAnOutPortToAnInPortWritesTheChannelAndDeleteRemovesIt() throws Exception {
        IDocument doc = open("flight-control", "topology-drag", t -> t.replace(EVENTS, ""));
        assertTrue(editor.showPage("Topology"), editor.pageNames().toString());
        TopologyCanvas canvas = editor.page(TopologyPage.class).canvas();
        Widgets.waitUntil(() -> canvas.topology() != null && canvas.getSize().x > 0, WAIT, "the topology drawn");
        assertTrue(canvas.topology().channel("events").isEmpty());
        // The unconnected ports carry the language's warning, as in the text editor; validation is deferred, so
        // the flags follow the first picture.
        Widgets.waitUntil(() -> canvas.topology().port("fcs.events_out").orElseThrow().diagnostics().stream()
                .anyMatch(d -> d.code().equals("unconnected-port")), WAIT, "the unconnected port flagged");
        TopologyPort from = canvas.topology().port("fcs.events_out").orElseThrow();
        TopologyPort to = canvas.topology().port("maint.events_in").orElseThrow();

        Point a = center(canvas, from.bounds());
        Point b = center(canvas, to.bounds());
        mouse(canvas, SWT.MouseMove, a, 0);
        assertTrue(canvas.getToolTipText().contains("[unconnected-port]"), canvas.getToolTipText());
        mouse(canvas, SWT.MouseDown, a, 0);
        mouse(canvas, SWT.MouseMove, new Point((a.x + b.x) / 2, (a.y + b.y) / 2), SWT.BUTTON1);
        mouse(canvas, SWT.MouseMove, b, SWT.BUTTON1);
        mouse(canvas, SWT.MouseUp, b, SWT.BUTTON1);

        String line = "channel events queuing from fcs.events_out to maint.events_in";
        assertTrue(doc.get().contains("overflow drop-oldest\n" + line + "\n"), doc.get());
        Widgets.waitUntil(() -> !canvas.topology().channel("events").isEmpty(), WAIT, "the new channel drawn");
        Screenshots.save(canvas, StudioProjects.screenshots().resolve("orrery-topology-editor.png"));

        // One undo takes the whole graphical edit back.
        editor.undoAction().run();
        Widgets.flushEvents();
        assertFalse(doc.get().contains(line), doc.get());
        editor.redoAction().run();
        Widgets.flushEvents();
        assertTrue(doc.get().contains(line), doc.get());
        Widgets.waitUntil(() -> !canvas.topology().channel("events").isEmpty(), WAIT, "the channel back after redo");

        // Click on the channel's line, press Delete: the declaration goes.
        TopologyEdge edge = canvas.topology().channel("events").get(0);
        org.orrery.studio.diagram.topology.Point p0 = edge.points().get(0);
        org.orrery.studio.diagram.topology.Point p1 = edge.points().get(1);
        mouse(canvas, SWT.MouseDown, canvas.toScreen((p0.x() + p1.x()) / 2, (p0.y() + p1.y()) / 2), 0);
        mouse(canvas, SWT.MouseUp, canvas.toScreen((p0.x() + p1.x()) / 2, (p0.y() + p1.y()) / 2), SWT.BUTTON1);
        assertEquals("events", canvas.selection().orElseThrow().channel());
        Event key = new Event();
        key.keyCode = SWT.DEL;
        canvas.notifyListeners(SWT.KeyDown, key);
        Widgets.flushEvents();
        assertFalse(doc.get().contains(line), doc.get());
        Widgets.waitUntil(() -> canvas.topology().channel("events").isEmpty(), WAIT, "the channel gone");
    }

    @Test
    void aTextEditRefreshesTheDiagramAndAnInvalidDropIsRefused() throws Exception {
        IDocument doc = open("flight-control", "topology-text", t -> t.replace(EVENTS, ""));
        editor.showPage("Topology");
        TopologyCanvas canvas = editor.page(TopologyPage.class).canvas();
        Widgets.waitUntil(() -> canvas.topology() != null, WAIT, "the topology drawn");

        // Dropping a queuing source on a sampling destination changes nothing.
        String before = doc.get();
        Point a = center(canvas, canvas.topology().port("fcs.events_out").orElseThrow().bounds());
        Point b = center(canvas, canvas.topology().port("display.surfaces_in").orElseThrow().bounds());
        mouse(canvas, SWT.MouseDown, a, 0);
        mouse(canvas, SWT.MouseUp, b, SWT.BUTTON1);
        assertEquals(before, doc.get());

        // Dragging backwards, from the in port to the out port, makes the same channel; undo takes it back.
        Point in = center(canvas, canvas.topology().port("maint.events_in").orElseThrow().bounds());
        mouse(canvas, SWT.MouseDown, in, 0);
        mouse(canvas, SWT.MouseMove, a, SWT.BUTTON1);
        mouse(canvas, SWT.MouseUp, a, SWT.BUTTON1);
        assertTrue(doc.get().contains("channel events queuing from fcs.events_out to maint.events_in"), doc.get());
        editor.undoAction().run();
        Widgets.flushEvents();
        assertEquals(before, doc.get());

        // Typing the channel in the text shows it in the diagram.
        doc.replace(doc.get().indexOf("plan normal"), 0, EVENTS + "\n");
        editor.showPage("Memory Map");
        editor.showPage("Topology");
        Widgets.waitUntil(() -> canvas.topology().channel("events").size() == 1, WAIT, "the typed channel drawn");
    }

    @Test
    void aLargeSystemIsLaidOutInTheBackgroundAndANewChannelDrawnAtOnceOnTheSamePicture() throws Exception {
        StringBuilder text = new StringBuilder("system ring\nboard sim {\n    memory 1 GiB\n    tick 1 ms\n}\n");
        int n = 90;
        for (int i = 0; i < n; i++) {
            text.append("partition p").append(i).append(" {\n    memory 1 MiB\n")
                    .append("    port o sampling out size 8 B\n    port i sampling in size 8 B refresh 100 ms\n}\n");
        }
        // The ring is open: the last partition's out port and the first one's in port are free.
        for (int i = 0; i < n - 1; i++) {
            text.append("channel c").append(i).append(" sampling from p").append(i).append(".o to p").append(i + 1)
                    .append(".i\n");
        }
        IDocument doc = open("flight-control", "topology-large", t -> text.toString());
        editor.showPage("Topology");
        TopologyPage page = editor.page(TopologyPage.class);
        TopologyCanvas canvas = page.canvas();
        Widgets.waitUntil(() -> canvas.topology() != null && canvas.topology().edges().size() == n - 1, WAIT,
                "the ring of " + n + " partitions drawn");
        assertEquals(n, canvas.topology().nodes().size());

        // Closing the ring: the channel is in the text and on the page at once, and the rest of the picture stays where
        // the integrator saw it (no layout of the whole system for one more line).
        Topology before = canvas.topology();
        assertTrue(page.connect("p" + (n - 1) + ".o", "p0.i"));
        assertTrue(doc.get().contains("channel o sampling from p" + (n - 1) + ".o to p0.i\n"), doc.get());
        List<TopologyEdge> drawn = canvas.topology().channel("o");
        assertEquals(1, drawn.size(), "drawn at once");
        assertEquals(canvas.topology().port("p0.i").orElseThrow().bounds().x(), drawn.get(0).points().getLast().x());
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            Widgets.flushEvents();
            Topology now = canvas.topology();
            assertEquals(n, now.edges().size());
            assertEquals(before.nodes().stream().map(TopologyNode::bounds).toList(),
                    now.nodes().stream().map(TopologyNode::bounds).toList(), "the boxes stay");
            assertEquals(before.edges(), now.edges().subList(0, n - 1), "the other channels keep their routes");
            assertEquals(drawn.get(0).points(), now.channel("o").get(0).points());
            Thread.sleep(20);
        }

        // Deleting it again: the line goes at once and the picture is the one before the connect
        assertTrue(page.delete(canvas.topology().channel("o").get(0)));
        assertFalse(doc.get().contains("channel o "), doc.get());
        assertEquals(List.of(), canvas.topology().channel("o"), "taken off at once");
        until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < until) {
            Widgets.flushEvents();
            assertEquals(before.nodes().stream().map(TopologyNode::bounds).toList(),
                    canvas.topology().nodes().stream().map(TopologyNode::bounds).toList(), "the boxes stay");
            assertEquals(before.edges(), canvas.topology().edges(), "the other channels keep their routes");
            Thread.sleep(20);
        }
        assertTrue(page.connect("p" + (n - 1) + ".o", "p0.i"));

        // Arrange All lays the closed ring out again
        page.arrange();
        Widgets.waitUntil(() -> !canvas.topology().nodes().get(0).bounds().equals(before.nodes().get(0).bounds()),
                WAIT, "the ring laid out again");
        assertEquals(n, canvas.topology().edges().size());
    }

    @Test
    void memoryMapShowsTheBoardRegionsAndFlagsAnOverlap() throws Exception {
        IDocument doc = open("wan-router", "memory-map", t -> t);
        assertTrue(editor.showPage("Memory Map"));
        MemoryMapCanvas canvas = editor.page(MemoryMapPage.class).canvas();
        Widgets.waitUntil(() -> canvas.map() != null && canvas.getSize().x > 0, WAIT, "the memory map drawn");
        assertEquals(List.of("RAM", "ram", "mmio", "boot_rom"), canvas.map().bars().stream().map(Bar::name).toList());
        String tip = canvas.describeAt(new Point(MemoryMapCanvas.LABEL_PX + 3, canvas.rowTop(0) + 10));
        assertTrue(tip.startsWith("lag: 0x0–0x10000000, 256 MiB"), tip);
        assertTrue(canvas.map().bars().stream().noneMatch(Bar::flagged));
        Screenshots.save(canvas, StudioProjects.screenshots().resolve("orrery-memory-map.png"));

        // Move mmio into the RAM region: after the re-parse both show the overlap, with the text's diagnostic.
        int at = doc.get().indexOf("0xfe00_0000");
        doc.replace(at, "0xfe00_0000".length(), "0x3000_0000");
        editor.showPage("Source");
        editor.showPage("Memory Map");
        Widgets.waitUntil(() -> canvas.map().bar("mmio").orElseThrow().flagged(), WAIT, "mmio flagged");
        String overlapTip = canvas.describeAt(new Point(MemoryMapCanvas.LABEL_PX + 3, canvas.rowTop(2) + 10));
        assertNotNull(overlapTip);
        assertTrue(overlapTip.contains("[region-overlap]"), overlapTip);
        Screenshots.save(canvas, StudioProjects.screenshots().resolve("orrery-memory-map-overlap.png"));
    }
}
