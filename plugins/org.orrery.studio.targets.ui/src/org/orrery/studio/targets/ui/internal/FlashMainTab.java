// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;


import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.orrery.studio.targets.FlashLaunch;

/** Project, optional system description and the registry's board of a Flash to board launch. */
final class FlashMainTab extends BoardLaunchTab {

    private Text project;
    private Text system;
    private Combo board;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        project = field(c, "&Project:");
        system = field(c, "&System description (empty: the project's only one):");
        board = boardCombo(c);
        setControl(c);
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(FlashLaunch.ATTR_SYSTEM_FILE, "");
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            project.setText(config.getAttribute(FlashLaunch.ATTR_PROJECT, ""));
            system.setText(config.getAttribute(FlashLaunch.ATTR_SYSTEM_FILE, ""));
            board.setText(config.getAttribute(FlashLaunch.ATTR_BOARD, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(FlashLaunch.ATTR_PROJECT, project.getText().strip());
        config.setAttribute(FlashLaunch.ATTR_SYSTEM_FILE, system.getText().strip());
        config.setAttribute(FlashLaunch.ATTR_BOARD, board.getText().strip());
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        if (project.getText().isBlank()) {
            setErrorMessage("Choose the Orrery project to flash");
        } else if (board.getText().isBlank()) {
            setErrorMessage("Choose a board (add boards in the Orrery Boards view)");
        }
        return getErrorMessage() == null;
    }

    @Override
    public String getName() {
        return "Main";
    }
}
