// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.internal;

import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.orrery.studio.core.OrreryCore;
import org.orrery.toolchain.BuildLayout;

/**
 * The Orrery project builder. Builds all systems of the project when one of their inputs changed (a
 * {@code .orrery} file, or a file in a partition's application folder); edits elsewhere (READMEs, the
 * builder's own output) do not cost a rebuild. The first build of a session always runs, because which
 * folders hold applications is only known after a compilation.
 */
public final class OrreryBuilder extends IncrementalProjectBuilder {

    private Set<IPath> applicationFolders;

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta != null && applicationFolders != null && !InputChanges.affect(delta, applicationFolders)) {
            return null;
        }
        applicationFolders = new SystemBuild(getProject()).run(monitor);
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        applicationFolders = null;
        getProject().deleteMarkers(OrreryCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
        IFolder out = getProject().getFolder(BuildLayout.BUILD_DIR);
        if (out.exists()) {
            out.delete(true, monitor);
        }
    }
}
