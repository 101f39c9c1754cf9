// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.net.URI;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.editor.core.OrreryLanguageService;

/**
 * Starts the editors' language server in the background when the workbench opens a workspace with Orrery projects.
 * Starting it (the Xtext injector, then a build of every system in the workspace, in a JVM that has not run any of
 * that code yet) takes seconds on a large system, and it used to happen when the first editor opened, in front of
 * the integrator. Started here, the first editor finds it running, or waits only for the rest of its start. Turned
 * off like every start-up contribution, in Preferences > General > Startup and Shutdown.
 */
public final class ServerWarmUp implements IStartup {

    static final String JOB_NAME = "Starting the Orrery language server";

    @Override
    public void earlyStartup() {
        schedule(ResourcesPlugin.getWorkspace());
    }

    /** Schedules the server's start if {@code workspace} has an open Orrery project; the job, or null. */
    public static Job schedule(IWorkspace workspace) {
        if (!hasOrreryProject(workspace)) {
            return null;
        }
        URI root = workspace.getRoot().getLocationURI();
        Job job = Job.create(JOB_NAME, (IProgressMonitor monitor) -> {
            XtextLogBridge.install();
            OrreryLanguageService.shared(root);
            return Status.OK_STATUS;
        });
        job.setPriority(Job.LONG);
        job.schedule();
        return job;
    }

    private static boolean hasOrreryProject(IWorkspace workspace) {
        for (IProject project : workspace.getRoot().getProjects()) {
            try {
                if (OrreryCore.isOrreryProject(project)) {
                    return true;
                }
            } catch (CoreException e) {
                // A project whose description cannot be read is no reason to start anything.
            }
        }
        return false;
    }
}
