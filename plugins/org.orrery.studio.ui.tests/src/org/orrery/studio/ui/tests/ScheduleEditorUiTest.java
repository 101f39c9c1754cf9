// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.diagram.schedule.WindowBlock;
import org.orrery.studio.diagram.schedule.WindowRef;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.ui.SystemEditor;
import org.orrery.studio.ui.internal.schedule.ScheduleCanvas;
import org.orrery.studio.ui.schedule.SchedulePage;

/** The schedule page of the system editor, driven with mouse and key events like a user would. */
class ScheduleEditorUiTest {

    private static final Duration REPARSE = Duration.ofSeconds(10);
    private static final long MS = 1_000_000L;

    private IProject project;
    private SystemEditor editor;
    private IDocument document;
    private ScheduleCanvas canvas;

    @BeforeEach
    void open() throws Exception {
        // No Orrery nature: this test is about the editor, not the builder.
        project = Projects.plain("schedule-demo");
        Examples.copyTo("flight-control", project, null);
        IFile file = project.getFile("system.orrery");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        // The default editor of *.orrery files (no editor id given).
        editor = assertInstanceOf(SystemEditor.class, IDE.openEditor(page, file));
        document = editor.context().document();
        assertTrue(editor.pageNames().contains("Schedule"), editor.pageNames().toString());
        assertTrue(editor.showPage("Schedule"));
        canvas = editor.page(SchedulePage.class).canvas();
        Widgets.flushEvents();
        assertTrue(canvas.getSize().x > 400, "canvas visible: " + canvas.getSize());
        assertEquals("normal", canvas.plan().name());
    }

    @AfterEach
    void close() throws Exception {
        if (editor != null) {
            editor.getSite().getPage().closeEditor(editor, false);
        }
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void dragMovesAWindowInTheTextAndUndoRestoresIt() throws Exception {
        String original = document.get();
        WindowRef fcs = new WindowRef("normal", 0, 2); // window fcs at 25 ms duration 10 ms
        Rectangle r = canvas.blockBounds(fcs);
        assertNotNull(r);
        int dx = (int) Math.round(5 * MS / canvas.geometry().nsPerPixel());
        drag(r.x + r.width / 2, r.y + r.height / 2, r.x + r.width / 2 + dx);

        String moved = original.replace("window fcs at 25 ms duration 10 ms", "window fcs at 30 ms duration 10 ms");
        assertEquals(moved, document.get());
        assertEquals(30 * MS, canvas.plan().window(fcs).startNs());

        key('z', SWT.MOD1); // Ctrl+Z on the canvas
        assertEquals(original, document.get());
        assertEquals(25 * MS, canvas.plan().window(fcs).startNs());

        // The workbench's global Redo/Undo (menu, key bindings) reach the same document history.
        editor.getEditorSite().getActionBars().getGlobalActionHandler(ActionFactory.REDO.getId()).run();
        assertEquals(moved, document.get());
        editor.getEditorSite().getActionBars().getGlobalActionHandler(ActionFactory.UNDO.getId()).run();
        assertEquals(original, document.get());
    }

    @Test
    void textEditThatMakesWindowsOverlapFlagsTheBlock() throws Exception {
        WindowRef fcs = new WindowRef("normal", 0, 2);
        assertFalse(canvas.plan().window(fcs).flagged());
        String datalink = "window datalink at 10 ms duration 10 ms";
        document.replace(document.get().indexOf(datalink), datalink.length(), "window datalink at 10 ms duration 20 ms");
        Widgets.waitUntil(() -> canvas.plan().window(fcs).flagged(), REPARSE, "the fcs window at 25 ms to be flagged");
        WindowBlock flagged = canvas.plan().window(fcs);
        assertTrue(flagged.problemText().startsWith("[windows-overlap] "), flagged.problemText());

        // Hovering the block shows the validator's text, as the text editor's annotation does.
        Rectangle r = canvas.blockBounds(fcs);
        mouse(SWT.MouseMove, r.x + r.width / 2, r.y + r.height / 2, 0);
        assertTrue(canvas.getToolTipText().contains("[windows-overlap]"), canvas.getToolTipText());
        Screenshots.save(canvas.getParent(), StudioProjects.screenshots().resolve("orrery-schedule-editor.png"));
    }

    @Test
    void dragOnEmptySpaceCreatesAWindowAndDeleteRemovesIt() throws Exception {
        String original = document.get();
        var g = canvas.geometry();
        int y = g.laneTop(canvas.laneIndex(0)) + 10;
        drag(g.x(45 * MS) + 2, y, g.x(50 * MS) - 1); // the free 45..50 ms of core 0
        String created = original.replace("""
                        window maint at 40 ms duration 5 ms
                """, """
                        window maint at 40 ms duration 5 ms
                        window fcs at 45 ms duration 5 ms
                """);
        assertEquals(created, document.get());

        WindowRef added = new WindowRef("normal", 0, 4);
        Rectangle r = canvas.blockBounds(added);
        mouse(SWT.MouseDown, r.x + r.width / 2, r.y + 5, 1);
        mouse(SWT.MouseUp, r.x + r.width / 2, r.y + 5, 1);
        assertEquals(added, canvas.selection());
        key(SWT.DEL, 0);
        assertEquals(original, document.get());
    }

    private void drag(int x0, int y, int x1) {
        mouse(SWT.MouseDown, x0, y, 1);
        int steps = 8;
        for (int i = 1; i <= steps; i++) {
            mouse(SWT.MouseMove, x0 + (x1 - x0) * i / steps, y, 0);
        }
        mouse(SWT.MouseUp, x1, y, 1);
        Widgets.flushEvents();
    }

    private void mouse(int type, int x, int y, int button) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = button;
        e.stateMask = type == SWT.MouseMove ? SWT.BUTTON1 : 0;
        canvas.notifyListeners(type, e);
    }

    private void key(int keyCode, int stateMask) {
        Event e = new Event();
        e.keyCode = keyCode;
        e.character = keyCode == SWT.DEL ? SWT.DEL : (char) keyCode;
        e.stateMask = stateMask;
        canvas.notifyListeners(SWT.KeyDown, e);
        Widgets.flushEvents();
    }
}
