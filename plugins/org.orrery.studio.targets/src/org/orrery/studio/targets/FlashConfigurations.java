// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

/**
 * The Flash to board configurations behind Run As: one per project and system file (a project stands for its only
 * system), which remembers the board it flashes. Headless, so the shortcut in the UI only asks the user.
 */
public final class FlashConfigurations {

    private FlashConfigurations() {
    }

    /** The project-relative path of a {@code .orrery} file, or "" for a project (its only system). */
    public static String systemFile(IResource selected) {
        return selected instanceof IFile f ? f.getProjectRelativePath().toPortableString() : "";
    }

    /** The saved configuration that flashes {@code selected}'s system, or null. */
    public static ILaunchConfiguration find(IResource selected) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        String project = selected.getProject().getName();
        String file = systemFile(selected);
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type())) {
            if (project.equals(c.getAttribute(FlashLaunch.ATTR_PROJECT, ""))
                    && file.equals(c.getAttribute(FlashLaunch.ATTR_SYSTEM_FILE, ""))) {
                return c;
            }
        }
        return null;
    }

    /**
     * The board to flash without asking: the one the configuration remembers while the registry still has it, else
     * the registry's only board; null when the user must choose (several boards and none remembered, or none).
     */
    public static String board(ILaunchConfiguration remembered, List<String> registry) throws CoreException {
        String board = remembered == null ? "" : remembered.getAttribute(FlashLaunch.ATTR_BOARD, "");
        if (registry.contains(board)) {
            return board;
        }
        return registry.size() == 1 ? registry.get(0) : null;
    }

    /** Saves {@code board} in the configuration for {@code selected} (creating it when there is none). */
    public static ILaunchConfiguration remember(IResource selected, ILaunchConfiguration existing, String board)
            throws CoreException {
        ILaunchConfigurationWorkingCopy wc;
        if (existing != null) {
            if (board.equals(existing.getAttribute(FlashLaunch.ATTR_BOARD, ""))) {
                return existing;
            }
            wc = existing.getWorkingCopy();
        } else {
            IProject project = selected.getProject();
            String name = selected instanceof IFile f ? project.getName() + " " + f.getName() : project.getName();
            wc = type().newInstance(null, DebugPlugin.getDefault().getLaunchManager()
                    .generateLaunchConfigurationName(name + " to board"));
            wc.setAttribute(FlashLaunch.ATTR_PROJECT, project.getName());
            wc.setAttribute(FlashLaunch.ATTR_SYSTEM_FILE, systemFile(selected));
            wc.setMappedResources(new IResource[] {selected});
        }
        wc.setAttribute(FlashLaunch.ATTR_BOARD, board);
        return wc.doSave();
    }

    private static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(FlashLaunch.TYPE_ID);
    }
}
