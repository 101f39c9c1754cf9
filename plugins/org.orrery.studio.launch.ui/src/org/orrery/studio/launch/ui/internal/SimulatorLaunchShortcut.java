// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.ui.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.orrery.studio.launch.SimulatorLaunch;

/**
 * Run As → Orrery Simulator on a {@code .orrery} file (Project Explorer or editor): reuses the configuration
 * for that file, or creates one, and launches it.
 */
public final class SimulatorLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            IResource r = Adapters.adapt(s.getFirstElement(), IResource.class);
            if (r instanceof IFile f) {
                launch(f, mode);
            }
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile f = Adapters.adapt(editor.getEditorInput(), IFile.class);
        if (f != null) {
            launch(f, mode);
        }
    }

    /** Launches {@code systemFile} on the simulator (also the entry for tests and other UI). */
    public static void launch(IFile systemFile, String mode) {
        TraceOpener.install();
        try {
            DebugUITools.launch(configurationFor(systemFile), mode);
        } catch (CoreException e) {
            ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                    "Orrery Simulator", "Cannot launch " + systemFile.getFullPath(), e.getStatus());
        }
    }

    static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(SimulatorLaunch.TYPE_ID);
        String project = file.getProject().getName();
        String path = file.getProjectRelativePath().toPortableString();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
            if (project.equals(c.getAttribute(SimulatorLaunch.ATTR_PROJECT, ""))
                    && path.equals(c.getAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, ""))) {
                return c;
            }
        }
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null,
                manager.generateLaunchConfigurationName(project + " " + file.getName()));
        wc.setAttribute(SimulatorLaunch.ATTR_PROJECT, project);
        wc.setAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, path);
        wc.setAttribute(SimulatorLaunch.ATTR_DURATION_MS, SimulatorLaunch.DEFAULT_DURATION_MS);
        wc.setMappedResources(new IResource[] {file});
        return wc.doSave();
    }
}
