// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.ui.OrreryUi;

/** Runs inside a real workbench (Tycho UI harness, Xvfb) and checks what an integrator sees on first start. */
class OrreryPerspectiveTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;

    @BeforeEach
    void openOrreryPerspective() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "the workbench has an active window");
        page = window.getActivePage();
        IPerspectiveDescriptor orrery = PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(OrreryUi.PERSPECTIVE_ID);
        assertNotNull(orrery, "the Orrery perspective is registered");
        page.setPerspective(orrery);
        page.resetPerspective();
        Widgets.flushEvents();
    }

    @Test
    void orreryPerspectiveShowsItsViewsAsRealTabs() throws IOException, CoreException {
        assertEquals("Orrery", page.getPerspective().getLabel());
        Shell shell = window.getShell();
        for (String title : new String[] {"Project Explorer", "Problems", "Console", "Properties", "Orrery Timeline"}) {
            Widgets.findOne(shell, CTabItem.class, Widgets.withText(title), "titled '" + title + "'");
        }

        IViewPart explorer = page.findView(IPageLayout.ID_PROJECT_EXPLORER);
        assertNotNull(explorer, "Project Explorer is open");
        page.activate(explorer);
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("flight-control");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        Widgets.waitUntil(() -> !Widgets.findAll(shell, TreeItem.class,
                        item -> "flight-control".equals(Widgets.textOf(item)) && item.getParent().isVisible()).isEmpty(),
                Duration.ofSeconds(10), "the new project to appear in the Project Explorer's tree");

        Path shot = Screenshots.save(shell, screenshotDir().resolve("orrery-perspective.png"));
        assertTrue(Files.size(shot) > 0, "screenshot written to " + shot);
        project.delete(true, true, null);
    }

    @Test
    void orreryIsTheDefaultPerspective() {
        assertEquals(OrreryUi.PERSPECTIVE_ID,
                PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
    }

    @Test
    void aboutTextShowsTheInstalledVersion() {
        IProduct product = Platform.getProduct();
        assertNotNull(product, "a product is running");
        assertEquals(OrreryUi.PRODUCT_ID, product.getId());
        String version = Platform.getBundle(OrreryUi.PLUGIN_ID).getVersion().toString();
        String about = product.getProperty("aboutText");
        assertTrue(about.contains("Version: " + version), "About text names version " + version + ": " + about);
    }

    private static Path screenshotDir() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}
