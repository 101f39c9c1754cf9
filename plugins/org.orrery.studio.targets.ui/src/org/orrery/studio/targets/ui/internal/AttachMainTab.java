// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;


import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.orrery.studio.targets.AttachLaunch;

/** The registry's board, the partition, and the Orrery project whose {@code apps/} hold its sources. */
final class AttachMainTab extends BoardLaunchTab {

    private Text project;
    private Combo board;
    private Text partition;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        board = boardCombo(c);
        partition = field(c, "P&artition:");
        project = field(c, "&Project (sources in its apps/ folders):");
        setControl(c);
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
