// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import java.io.IOException;

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
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.FlashLaunch;

/** Project, optional system description and the registry's board of a Flash to board launch. */
final class FlashMainTab extends AbstractLaunchConfigurationTab {

    private Text project;
    private Text system;
    private Combo board;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        project = field(c, "&Project:");
        system = field(c, "&System description (empty: the project's only one):");
        new Label(c, SWT.NONE).setText("&Board:");
        board = new Combo(c, SWT.DROP_DOWN);
        try {
            for (BoardRow r : BoardsModel.ofUser().rows()) {
                board.add(r.name());
            }
        } catch (IOException e) {
            setErrorMessage(e.getMessage());
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
