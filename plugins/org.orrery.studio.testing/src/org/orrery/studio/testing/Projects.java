// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/**
 * Workspace projects for the workbench tests of every bundle. Plain ones only: the Orrery nature and the examples
 * belong to the Studio's core, which this support bundle stays independent of.
 */
public final class Projects {

    private Projects() {
    }

    /** A new, open project without the Orrery nature (no builder runs): for tests of editors, not the builder. */
    public static IProject plain(String name) throws CoreException {
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        IProject project = ws.getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        return project;
    }

    /** {@code system.orrery} of a new plain project, holding {@code text}. */
    public static IFile plainSystem(String projectName, String text) throws CoreException {
        IFile file = plain(projectName).getFile("system.orrery");
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }
}
