// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.core.SystemImages;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.FlashJob;
import org.orrery.studio.targets.FlashLaunch;

/**
 * Flash to board: builds the project's image with the Orrery builder (a no-op when nothing changed), then hands
 * it to a {@link FlashJob}, which shows in the Progress view, can be cancelled there, and ends with the board's
 * verdict (an error with the board's reason on refusal or rollback).
 */
public final class FlashLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // launch() runs the Orrery builder itself: the image must be current, whatever the preference
    }

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Flash to board", 3);
        String board = config.getAttribute(FlashLaunch.ATTR_BOARD, "");
        BoardsModel model = BoardsModel.ofUser();
        try {
            if (board.isEmpty() || model.registry().find(board).isEmpty()) {
                throw error(board.isEmpty() ? "Choose the board to flash on the Main tab"
                        : "No board named " + board + " in " + model.registry().file() + " (add it in the Boards view)");
            }
        } catch (IOException e) {
            throw error(e.getMessage());
        }
        IProject project = project(config);
        sub.subTask("Building " + project.getName());
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, OrreryCore.BUILDER_ID, null, sub.split(2));
        IFile system = systemFile(config, project);
        if (SystemImages.hasErrors(project)) {
            throw error(project.getName() + " has errors (see the Problems view); fix them to flash the system");
        }
        IFile image = SystemImages.image(system);
        if (image == null || !image.exists()) {
            throw error(system.getFullPath() + " has no image yet: it declares no system, or the build failed");
        }
        new FlashJob(model, board, image.getLocation().toPath()).schedule();
        sub.worked(1);
    }

    private static IProject project(ILaunchConfiguration config) throws CoreException {
        String name = config.getAttribute(FlashLaunch.ATTR_PROJECT, "");
        if (name.isEmpty()) {
            throw error("Choose the Orrery project to flash on the Main tab");
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!project.isOpen()) {
            throw error("Project " + name + " does not exist or is closed");
        }
        return project;
    }

    /** The configured system file, or the project's only one that built a system. */
    private static IFile systemFile(ILaunchConfiguration config, IProject project) throws CoreException {
        String file = config.getAttribute(FlashLaunch.ATTR_SYSTEM_FILE, "");
        if (!file.isEmpty()) {
            IFile system = project.getFile(file);
            if (!system.exists()) {
                throw error("No file " + file + " in project " + project.getName());
            }
            return system;
        }
        List<IFile> systems = new ArrayList<>();
        project.accept(r -> {
            if (r instanceof IFile f && "orrery".equals(f.getFileExtension()) && SystemImages.systemName(f) != null) {
                systems.add(f);
            }
            return r.getType() != IResource.FILE;
        });
        if (systems.size() != 1) {
            throw error(systems.isEmpty() ? "Project " + project.getName() + " has no system that builds an image"
                    : "Project " + project.getName() + " has " + systems.size()
                            + " systems; choose one on the Main tab");
        }
        return systems.get(0);
    }

    private static CoreException error(String message) {
        return new CoreException(Status.error(message));
    }
}
