// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** Marks a project as holding Orrery systems; configuring it installs the Orrery builder. */
public final class OrreryNature implements IProjectNature {

    private IProject project;

    @Override
    public void configure() throws CoreException {
        IProjectDescription d = project.getDescription();
        if (OrreryCore.hasBuilder(d)) {
            return;
        }
        List<ICommand> spec = new ArrayList<>(List.of(d.getBuildSpec()));
        ICommand build = d.newCommand();
        build.setBuilderName(OrreryCore.BUILDER_ID);
        spec.add(build);
        d.setBuildSpec(spec.toArray(ICommand[]::new));
        project.setDescription(d, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription d = project.getDescription();
        List<ICommand> spec = new ArrayList<>(List.of(d.getBuildSpec()));
        spec.removeIf(c -> OrreryCore.BUILDER_ID.equals(c.getBuilderName()));
        d.setBuildSpec(spec.toArray(ICommand[]::new));
        project.setDescription(d, null);
        project.deleteMarkers(OrreryCore.PROBLEM_MARKER, true, IProject.DEPTH_INFINITE);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }
}
