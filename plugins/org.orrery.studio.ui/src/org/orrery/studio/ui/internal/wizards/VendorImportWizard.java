// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.orrery.dsl.ImportException;
import org.orrery.dsl.VendorFormat;
import org.orrery.dsl.VendorImport;
import org.orrery.studio.core.VendorImports;
import org.orrery.studio.ui.SystemEditor;

/**
 * File › Import › Orrery › one vendor format: choose the vendor file and where the system goes, review the
 * importer's warnings, finish to write the {@code .orrery} file and open it. One class serves every format; plugin.xml
 * names the {@link VendorFormat} after the class ({@code class="…VendorImportWizard:ARINC_653"}). The importer is the
 * one {@code orrery import}/{@code import-arinc} run ({@link VendorImports}); nothing is written before Finish, and
 * never when the importer refuses the file.
 */
public final class VendorImportWizard extends Wizard implements IImportWizard, IExecutableExtension {

    private VendorFormat format;
    private IWorkbench workbench;
    private IStructuredSelection selection;
    private VendorFilePage filePage;
    private ImportFindingsPage findingsPage;

    public VendorImportWizard() {
        setNeedsProgressMonitor(true);
    }

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) throws CoreException {
        try {
            format = VendorFormat.valueOf(String.valueOf(data));
        } catch (IllegalArgumentException e) {
            throw new CoreException(Status.error("Unknown vendor format '" + data + "' in " + config.getContributor().getName()));
        }
        setWindowTitle("Import " + format.label());
    }

    @Override
    public void init(IWorkbench wb, IStructuredSelection sel) {
        this.workbench = wb;
        this.selection = sel;
    }

    @Override
    public void addPages() {
        filePage = new VendorFilePage(format, selection, this::convert);
        findingsPage = new ImportFindingsPage();
        addPage(filePage);
        addPage(findingsPage);
    }

    /** Only once the warnings are on screen: the user has seen what the import leaves out before it is written. */
    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() == findingsPage && findingsPage.imported() != null;
    }

    /** Runs the importer for the file page's Next; returns false (and says why on the page) when it refuses. */
    private boolean convert(Path input) {
        VendorImport[] result = new VendorImport[1];
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask("Importing " + input.getFileName(), IProgressMonitor.UNKNOWN);
                try {
                    result[0] = VendorImports.read(format, input);
                } catch (Exception e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            filePage.setErrorMessage(refusal(input, e.getCause()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        findingsPage.show(input, filePage.target(), result[0]);
        return true;
    }

    /** One line naming the file, and the line of it the importer stopped at. */
    static String refusal(Path input, Throwable cause) {
        if (cause instanceof ImportException ie) {
            return input.getFileName() + ":" + ie.line() + ":" + ie.column() + ": " + ie.getMessage();
        }
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return "Cannot read " + input + ": no such file.";
        }
        return "Cannot read " + input + ": " + (cause == null ? "unknown error" : cause.getMessage());
    }

    @Override
    public boolean performFinish() {
        IFile target = filePage.target();
        VendorImport imported = findingsPage.imported();
        boolean replace = target.exists();
        if (replace && !MessageDialog.openQuestion(getShell(), "Replace File",
                "'" + target.getFullPath() + "' already exists. Do you want to replace it?")) {
            return false;
        }
        WorkspaceModifyOperation write = new WorkspaceModifyOperation(target.getProject()) {
            @Override
            protected void execute(IProgressMonitor monitor) throws CoreException {
                VendorImports.write(imported, target, replace, monitor);
            }
        };
        try {
            getContainer().run(true, false, write);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            ErrorDialog.openError(getShell(), getWindowTitle(), target.getFullPath() + " could not be written.",
                    cause instanceof CoreException ce ? ce.getStatus() : Status.error(String.valueOf(cause), cause));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        open(target);
        return true;
    }

    private void open(IFile file) {
        var window = workbench == null ? null : workbench.getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return;
        }
        try {
            IDE.openEditor(window.getActivePage(), file, SystemEditor.ID);
        } catch (PartInitException e) {
            // The file is written; an editor that cannot open is not a reason to fail the import.
            org.eclipse.core.runtime.ILog.of(getClass()).warn("cannot open " + file + ": " + e.getMessage());
        }
    }
}
