// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.ui.internal;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

/** Tabs of an Orrery Simulator configuration: what to run, and the platform's common settings. */
public final class SimulatorTabGroup extends AbstractLaunchConfigurationTabGroup {

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        TraceOpener.install();
        setTabs(new ILaunchConfigurationTab[] {new SimulatorMainTab(), new CommonTab()});
    }
}
