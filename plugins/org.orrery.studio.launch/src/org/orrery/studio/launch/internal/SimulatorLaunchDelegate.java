// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.core.SystemImages;
import org.orrery.studio.launch.SimulatorLaunch;
import org.orrery.toolchain.Boards;
import org.orrery.toolchain.BuildLayout;
import org.orrery.toolchain.ImageRun;

/**
 * Runs a system on the simulated board: builds its image with the Orrery builder (a no-op when nothing
 * changed), verifies it with the workspace's development key, boots it in a board process of its own on the kernel
 * the image carries ({@link ImageRun}), shown as a {@link SimulatorProcess} whose output is the console, and
 * records the CTF trace into {@code build/<system>-trace/}.
 */
public final class SimulatorLaunchDelegate extends LaunchConfigurationDelegate {

    private static final long NS_PER_MS = 1_000_000L;

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // launch() runs the Orrery builder itself: the image must be current, whatever the preference
    }

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Orrery Simulator", 3);
        IFile system = systemFile(config);
        IProject project = system.getProject();
        sub.subTask("Building " + project.getName());
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, OrreryCore.BUILDER_ID, null, sub.split(2));
        if (SystemImages.hasErrors(project)) {
            throw error(project.getName() + " has errors (see the Problems view); fix them to run the system");
        }
        IFile image = SystemImages.image(system);
        if (image == null || !image.exists()) {
            throw error(system.getFullPath() + " has no image yet: it declares no system, or the build failed");
        }
        LoadedImage loaded;
        byte[] bytes;
        Path key;
        try {
            bytes = Files.readAllBytes(image.getLocation().toPath());
            key = DevelopmentKeys.publicKeyFile();
            String where = image.getFullPath().toString();
            loaded = LoadedImage.of(ImageVerifier.verify(bytes, where, SigningKeys.readPublic(key), 0), where);
        } catch (ImageException | IOException e) {
            throw error(e.getMessage());
        }
        Path trace = BuildLayout.defaultTraceDir(project.getLocation().toPath(), loaded.config());
        String boardName = config.getAttribute(SimulatorLaunch.ATTR_BOARD, SimulatorLaunch.DEFAULT_BOARD);
        BoardSupport sim = Boards.named(boardName).orElseThrow(() -> error("Board " + boardName
                + " is not available in this Studio (boards: " + Boards.names() + "); choose one on the Main tab"));
        int durationMs = config.getAttribute(SimulatorLaunch.ATTR_DURATION_MS, SimulatorLaunch.DEFAULT_DURATION_MS);
        String name = loaded.config().name();
        SimulatorProcess process = new SimulatorProcess("Orrery simulator " + name, (out, err, stop) -> {
            out.line("Booting " + image.getFullPath() + " on the " + sim.name() + " board for " + durationMs + " ms");
            ImageRun.Outcome run;
            try {
                // The image boots in a board process of its own, on the kernel it carries.
                run = ImageRun.of(bytes, image.getFullPath().toString(), sim.name()).verifiedWith(key, 0)
                        .toolModules(SystemImages.orreryModules()).echo(out::line).errors(err::line).stopWhen(stop)
                        .traceTo(trace).run(durationMs * NS_PER_MS);
            } catch (BoardException e) {
                // the board cannot run on this machine: its one line says what is missing
                err.line("The " + sim.name() + " board cannot run here: " + e.getMessage());
                return 3;
            }
            out.text(run.report());
            launch.setAttribute(SimulatorLaunch.TRACE_FOLDER, trace.toString());
            refresh(project);
            return 0;
        });
        DebugPlugin.newProcess(launch, process, "Orrery Simulator [" + name + "]");
        sub.worked(1);
    }

    private static IFile systemFile(ILaunchConfiguration config) throws CoreException {
        String projectName = config.getAttribute(SimulatorLaunch.ATTR_PROJECT, "");
        String file = config.getAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, "");
        if (projectName.isEmpty() || file.isEmpty()) {
            throw error("Choose the project and its system description (.orrery) on the Main tab");
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
        if (!project.isOpen()) {
            throw error("Project " + projectName + " does not exist or is closed");
        }
        IFile system = project.getFile(file);
        if (!system.exists()) {
            throw error("No file " + file + " in project " + projectName);
        }
        return system;
    }

    /** The trace folder appears in the Project Explorer; failing to refresh does not fail the run. */
    private static void refresh(IProject project) {
        try {
            project.getFolder(BuildLayout.BUILD_DIR).refreshLocal(IResource.DEPTH_INFINITE, null);
        } catch (CoreException e) {
            ILog.of(SimulatorLaunchDelegate.class).log(e.getStatus());
        }
    }

    private static CoreException error(String message) {
        return new CoreException(Status.error(message));
    }
}
