// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.examples.Examples;

/**
 * New → Orrery System Project: a project holding one of the example systems, with the Orrery nature (so the
 * builder validates, generates and builds the image), and its system description opened.
 */
public final class NewSystemProjectWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private SystemProjectPage page;

    public NewSystemProjectWizard() {
        setWindowTitle("New Orrery System Project");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench wb, IStructuredSelection selection) {
        this.workbench = wb;
    }

    @Override
    public void addPages() {
        page = new SystemProjectPage(Examples.all());
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        String name = page.projectName();
        String example = page.example().name();
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        IProject project = ws.getRoot().getProject(name);
        WorkspaceModifyOperation create = new WorkspaceModifyOperation() {
            @Override
            protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
                SubMonitor sub = SubMonitor.convert(monitor, "Creating " + name, 4);
                project.create(ws.newProjectDescription(name), sub.split(1));
                project.open(sub.split(1));
                Examples.copyTo(example, project, sub.split(1));
                OrreryCore.addNature(project, sub.split(1));
            }
        };
        try {
            getContainer().run(true, false, create);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            ErrorDialog.openError(getShell(), "New Orrery System Project", "The project could not be created.",
                    cause instanceof CoreException ce ? ce.getStatus()
                            : org.eclipse.core.runtime.Status.error(String.valueOf(cause), cause));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        openSystemFile(project);
        return true;
    }

    private void openSystemFile(IProject project) {
        var window = workbench == null ? null : workbench.getActiveWorkbenchWindow();
        var file = project.getFile("system.orrery");
        // Only an editor Studio registers for the language: never hand the file to an external program.
        if (window == null || window.getActivePage() == null || !file.exists()
                || workbench.getEditorRegistry().getDefaultEditor(file.getName()) == null) {
            return;
        }
        try {
            IDE.openEditor(window.getActivePage(), file);
        } catch (org.eclipse.ui.PartInitException e) {
            // The project exists and builds; an editor that cannot open is not a reason to fail the wizard.
            org.eclipse.core.runtime.ILog.of(getClass()).warn("cannot open " + file + ": " + e.getMessage());
        }
    }
}
