// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourcePathComputerDelegate;
import org.eclipse.debug.core.sourcelookup.containers.FolderSourceContainer;
import org.orrery.studio.targets.AttachLaunch;

/**
 * Where an attached partition's sources are: the Orrery project's application source folders, {@code apps/NAME}
 * (the {@code source} of a partition's {@code application} in the examples), the debugged partition's own first.
 * Each is a source root (packages below it), and workspace folders, so the editor opens the project's own files and
 * breakpoints set in them are the ones JDT installs.
 */
public final class AppsSourcePathComputer implements ISourcePathComputerDelegate {

    @Override
    public ISourceContainer[] computeSourceContainers(ILaunchConfiguration config, IProgressMonitor monitor)
            throws CoreException {
        IProject project = AttachLaunchDelegate.project(config);
        String partition = config.getAttribute(AttachLaunch.ATTR_PARTITION, "").strip();
        return containers(project, partition).toArray(ISourceContainer[]::new);
    }

    static List<ISourceContainer> containers(IProject project, String partition) throws CoreException {
        List<ISourceContainer> roots = new ArrayList<>();
        IFolder apps = project.getFolder("apps");
        if (!apps.exists()) {
            return roots;
        }
        IFolder own = apps.getFolder(partition);
        if (!partition.isEmpty() && own.exists()) {
            roots.add(new FolderSourceContainer(own, false));
        }
        for (IResource r : apps.members()) {
            if (r instanceof IContainer c && !c.equals(own)) {
                roots.add(new FolderSourceContainer(c, false));
            }
        }
        return roots;
    }
}
