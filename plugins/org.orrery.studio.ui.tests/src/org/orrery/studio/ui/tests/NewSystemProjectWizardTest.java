// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.ui.OrreryUi;

/** File → New → Orrery System Project, driven through the real wizard dialog and its widgets. */
class NewSystemProjectWizardTest {

    private static final String NAME = "my-flight-control";

    @AfterEach
    void deleteProject() throws Exception {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(NAME);
        if (p.exists()) {
            p.delete(true, true, null);
        }
    }

    @Test
    void createsABuildingProjectFromAnExample() throws Exception {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IWizardDescriptor descriptor = workbench.getNewWizardRegistry().findWizard(OrreryUi.NEW_PROJECT_WIZARD_ID);
        assertNotNull(descriptor, "the wizard is in the New wizard registry");
        assertEquals("Orrery System Project", descriptor.getLabel());
        INewWizard wizard = (INewWizard) descriptor.createWizard();
        wizard.init(workbench, StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(workbench.getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();

        Table examples = Widgets.findOne(shell, Table.class, t -> true, "listing the examples");
        List<String> shown = java.util.Arrays.stream(examples.getItems()).map(Widgets::textOf).toList();
        assertEquals(4, shown.size(), "every example is offered: " + shown);
        int fc = shown.indexOf(shown.stream().filter(s -> s.endsWith("(flight-control)")).findFirst().orElseThrow());
        examples.setSelection(fc);
        examples.notifyListeners(SWT.Selection, new Event());
        Text name = Widgets.findOne(shell, Text.class, t -> (t.getStyle() & SWT.READ_ONLY) == 0 && t.isVisible(),
                "for the project name");
        assertEquals("flight-control", name.getText(), "the name follows the chosen example");
        name.setFocus();
        name.setText(NAME);
        Button finish = Widgets.findOne(shell, Button.class, Widgets.withText("Finish"), "to finish");
        assertTrue(finish.isEnabled(), "a valid name and an example complete the page");
        Screenshots.save(shell, StudioProjects.screenshots().resolve("orrery-new-project-wizard.png"));

        finish.notifyListeners(SWT.Selection, new Event());
        Widgets.waitUntil(shell::isDisposed, Duration.ofSeconds(30), "the wizard to close");

        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(NAME);
        assertTrue(project.isOpen());
        assertTrue(project.hasNature(OrreryCore.NATURE_ID));
        assertTrue(OrreryCore.hasBuilder(project.getDescription()));
        IFile system = project.getFile("system.orrery");
        assertTrue(system.exists());
        assertTrue(project.getFolder("apps/fcs").exists(), "the applications came along");
        StudioProjects.awaitImage(system);
        assertEquals(0, StudioProjects.problems(project).length, "the example builds cleanly");
    }
}
