// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import java.io.IOException;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;

/** The parts the Main tabs of board launches share: labelled text fields and the registry's boards. */
abstract class BoardLaunchTab extends AbstractLaunchConfigurationTab {

    /** A labelled one-line field in a two-column composite; edits revalidate the dialog. */
    protected Text field(Composite c, String label) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        t.addModifyListener(e -> updateLaunchConfigurationDialog());
        return t;
    }

    /** A "Board:" combo listing the registry's boards (a name may also be typed). */
    protected Combo boardCombo(Composite c) {
        new Label(c, SWT.NONE).setText("&Board:");
        Combo board = new Combo(c, SWT.DROP_DOWN);
        try {
            for (BoardRow r : BoardsModel.ofUser().rows()) {
                board.add(r.name());
            }
        } catch (IOException e) {
            setErrorMessage(e.getMessage());
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(board);
        board.addModifyListener(e -> updateLaunchConfigurationDialog());
        return board;
    }
}
