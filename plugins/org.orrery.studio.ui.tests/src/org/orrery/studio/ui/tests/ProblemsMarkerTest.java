// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;

/** A window that does not fit its major frame, as the integrator sees it: a marker in the Problems view. */
class ProblemsMarkerTest {

    private static final String GOOD = "window maint at 40 ms duration 5 ms";
    private static final String BROKEN = "window maint at 40 ms duration 15 ms";

    private IProject project;

    @AfterEach
    void deleteProject() throws Exception {
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void aBrokenWindowShowsUpInTheProblemsViewWithItsRuleAndLine() throws Exception {
        project = StudioProjects.fromExample("flight-control", "fc-problems");
        IFile system = project.getFile("system.orrery");
        StudioProjects.awaitImage(system);

        String text = new String(system.getContents().readAllBytes(), StandardCharsets.UTF_8);
        int line = (int) text.substring(0, text.indexOf(GOOD)).chars().filter(c -> c == '\n').count() + 1;
        system.setContents(new ByteArrayInputStream(text.replace(GOOD, BROKEN).getBytes(StandardCharsets.UTF_8)),
                IResource.FORCE, null);

        Widgets.waitUntil(() -> markers(system).stream()
                        .anyMatch(m -> "window-beyond-frame".equals(m.getAttribute(OrreryCore.RULE_CODE, ""))),
                StudioProjects.BUILD_TIMEOUT, "the auto-build to mark the broken window");
        IMarker marker = markers(system).stream()
                .filter(m -> "window-beyond-frame".equals(m.getAttribute(OrreryCore.RULE_CODE, ""))).findFirst()
                .orElseThrow();
        assertEquals(line, marker.getAttribute(IMarker.LINE_NUMBER, -1));

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart problems = page.showView(IPageLayout.ID_PROBLEM_VIEW);
        // The marker views are the trees with Description/Resource/Path/Location/Type columns.
        Tree tree = Widgets.findOne(problems.getSite().getShell(), Tree.class,
                t -> t.isVisible() && t.getColumnCount() >= 4, "of the Problems view");
        String expected = "[window-beyond-frame]";
        Widgets.waitUntil(() -> {
            StudioProjects.expandAll(tree);
            return !rowsContaining(tree, expected).isEmpty();
        }, Duration.ofSeconds(30), "the Problems view to list the marker");
        TreeItem row = rowsContaining(tree, expected).get(0);
        assertTrue(row.getText(0).contains("window"), row.getText(0));
        boolean lineShown = false;
        for (int c = 0; c < tree.getColumnCount(); c++) {
            lineShown |= row.getText(c).equals("line " + line);
        }
        assertTrue(lineShown, "the Location column says line " + line);
        tree.setSelection(row);
        page.toggleZoom(page.getReference(problems));
        Widgets.flushEvents();
        Screenshots.save(tree.getShell(), StudioProjects.screenshots().resolve("orrery-problems-marker.png"));
        page.toggleZoom(page.getReference(problems));
    }

    private static List<TreeItem> rowsContaining(Tree tree, String text) {
        return Widgets.findAll(tree, TreeItem.class, i -> Widgets.textOf(i).contains(text));
    }

    private static List<IMarker> markers(IFile file) {
        try {
            return List.of(StudioProjects.problems(file));
        } catch (Exception e) {
            return List.of();
        }
    }
}
