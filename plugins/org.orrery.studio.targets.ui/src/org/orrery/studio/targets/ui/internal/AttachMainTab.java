// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import java.io.IOException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.orrery.studio.targets.AttachLaunch;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;

/** The registry's board, the partition, and the Orrery project whose {@code apps/} hold its sources. */
final class AttachMainTab extends AbstractLaunchConfigurationTab {

    private Text project;
    private Combo board;
    private Text partition;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
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
        partition = field(c, "P&artition:");
        project = field(c, "&Project (sources in its apps/ folders):");
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
        // Disconnect only: terminating the remote JVM would kill the partition on the board.
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_ALLOW_TERMINATE, false);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            board.setText(config.getAttribute(AttachLaunch.ATTR_BOARD, ""));
            partition.setText(config.getAttribute(AttachLaunch.ATTR_PARTITION, ""));
            project.setText(config.getAttribute(AttachLaunch.ATTR_PROJECT, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(AttachLaunch.ATTR_BOARD, board.getText().strip());
        config.setAttribute(AttachLaunch.ATTR_PARTITION, partition.getText().strip());
        config.setAttribute(AttachLaunch.ATTR_PROJECT, project.getText().strip());
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        if (board.getText().isBlank()) {
            setErrorMessage("Choose a board (add boards in the Orrery Boards view)");
        } else if (partition.getText().isBlank()) {
            setErrorMessage("Name the partition to debug");
        } else if (project.getText().isBlank()) {
            setErrorMessage("Choose the Orrery project that holds the partition's sources");
        }
        return getErrorMessage() == null;
    }

    @Override
    public String getName() {
        return "Main";
    }
}
