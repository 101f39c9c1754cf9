// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/** Identifiers of the Orrery project model; plugin.xml declares the same ids. */
public final class OrreryCore {

    public static final String PLUGIN_ID = "org.orrery.studio.core";
    public static final String NATURE_ID = PLUGIN_ID + ".nature";
    public static final String BUILDER_ID = PLUGIN_ID + ".builder";
    /** Problem markers from validation and image builds (a subtype of the platform's problem marker). */
    public static final String PROBLEM_MARKER = PLUGIN_ID + ".problem";
    /** Marker attribute holding the rule code (e.g. the language's issue code) of a problem. */
    public static final String RULE_CODE = PLUGIN_ID + ".ruleCode";
    /** Rule code of image-build problems other than compile errors (missing sources or modules), as the CLI prints. */
    public static final String IMAGE_BUILD_CODE = org.orrery.toolchain.BuildDiagnostics.IMAGE_BUILD;
    /** Rule code of a compile error in a partition application, as the CLI prints it. */
    public static final String APP_COMPILE_CODE = org.orrery.toolchain.BuildDiagnostics.APP_COMPILE;

    private OrreryCore() {
    }

    public static boolean isOrreryProject(IProject project) throws CoreException {
        return project.isOpen() && project.hasNature(NATURE_ID);
    }

    /** Adds the nature (whose configure step installs the builder) unless the project has it already. */
    public static void addNature(IProject project, IProgressMonitor monitor) throws CoreException {
        IProjectDescription d = project.getDescription();
        if (d.hasNature(NATURE_ID)) {
            return;
        }
        String[] natures = d.getNatureIds();
        String[] more = new String[natures.length + 1];
        System.arraycopy(natures, 0, more, 0, natures.length);
        more[natures.length] = NATURE_ID;
        d.setNatureIds(more);
        project.setDescription(d, monitor);
    }

    /** True when the description's build spec runs the Orrery builder. */
    public static boolean hasBuilder(IProjectDescription d) {
        for (ICommand c : d.getBuildSpec()) {
            if (BUILDER_ID.equals(c.getBuilderName())) {
                return true;
            }
        }
        return false;
    }
}
