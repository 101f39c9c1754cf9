// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

/** Tabs of a Flash to board configuration: which project goes to which board, and the platform's common settings. */
public final class FlashTabGroup extends AbstractLaunchConfigurationTabGroup {

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] {new FlashMainTab(), new CommonTab()});
    }
}
