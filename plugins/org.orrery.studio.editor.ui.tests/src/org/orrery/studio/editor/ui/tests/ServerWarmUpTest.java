// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.internal.ServerWarmUp;
import org.orrery.studio.testing.Projects;

/** The workbench starts the language server in the background for a workspace with Orrery projects, only then. */
class ServerWarmUpTest {

    private IProject project;

    @AfterEach
    void cleanUp() throws Exception {
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void startsTheServerWhenTheWorkspaceHasAnOrreryProject() throws Exception {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        project = Projects.plainSystem("warm-up", "system demo\n").getProject();
        for (IProject p : workspace.getRoot().getProjects()) {
            if (OrreryCore.isOrreryProject(p)) {
                p.delete(true, true, null);
            }
        }
        assertNull(ServerWarmUp.schedule(workspace), "no Orrery project: nothing is started");

        OrreryCore.addNature(project, null);
        Job job = ServerWarmUp.schedule(workspace);
        assertNotNull(job, "an Orrery project: the server is started");
        job.join(120_000, null);
        assertNotNull(job.getResult(), "the start ended within two minutes");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        assertNotNull(OrreryLanguageService.running(), "the workbench's server is running");
    }
}
