// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.ui.internal;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.studio.launch.SimulatorLaunch;
import org.orrery.toolchain.Boards;

/** Project, system description and run length of a simulator launch. */
final class SimulatorMainTab extends AbstractLaunchConfigurationTab {

    private Text project;
    private Text system;
    private Text duration;
    private Combo board;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        project = field(c, "&Project:");
        system = field(c, "&System description:");
        duration = field(c, "&Run for (ms of board time):");
        new Label(c, SWT.NONE).setText("&Board:");
        board = new Combo(c, SWT.READ_ONLY);
        for (BoardSupport b : Boards.all()) {
            board.add(b.name() + " \u2014 " + b.description());
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(board);
        board.addModifyListener(e -> updateLaunchConfigurationDialog());
        setControl(c);
    }

    private Text field(Composite c, String label) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        t.addModifyListener(e -> updateLaunchConfigurationDialog());
        return t;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, "system.orrery");
        config.setAttribute(SimulatorLaunch.ATTR_DURATION_MS, SimulatorLaunch.DEFAULT_DURATION_MS);
        config.setAttribute(SimulatorLaunch.ATTR_BOARD, SimulatorLaunch.DEFAULT_BOARD);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            project.setText(config.getAttribute(SimulatorLaunch.ATTR_PROJECT, ""));
            system.setText(config.getAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, "system.orrery"));
            duration.setText(Integer.toString(config.getAttribute(SimulatorLaunch.ATTR_DURATION_MS,
                    SimulatorLaunch.DEFAULT_DURATION_MS)));
            String name = config.getAttribute(SimulatorLaunch.ATTR_BOARD, SimulatorLaunch.DEFAULT_BOARD);
            List<BoardSupport> all = Boards.all();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name().equals(name)) {
                    board.select(i);
                }
            }
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(SimulatorLaunch.ATTR_PROJECT, project.getText().trim());
        config.setAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, system.getText().trim());
        config.setAttribute(SimulatorLaunch.ATTR_DURATION_MS, durationMs());
        int i = board.getSelectionIndex();
        config.setAttribute(SimulatorLaunch.ATTR_BOARD, i < 0 ? SimulatorLaunch.DEFAULT_BOARD
                : Boards.all().get(i).name());
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        IProject p = project.getText().isBlank() ? null
                : ResourcesPlugin.getWorkspace().getRoot().getProject(project.getText().trim());
        if (p == null || !p.isOpen()) {
            setErrorMessage("Name an open project.");
        } else if (!p.getFile(system.getText().trim()).exists()) {
            setErrorMessage("No " + system.getText().trim() + " in " + p.getName() + ".");
        } else if (durationMs() <= 0) {
            setErrorMessage("The run length is a positive number of milliseconds.");
        }
        return getErrorMessage() == null;
    }

    private int durationMs() {
        try {
            return Integer.parseInt(duration.getText().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String getName() {
        return "Main";
    }
}
