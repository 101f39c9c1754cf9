// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.debug.ui.sourcelookup.SourceLookupTab;

/** Tabs of an Attach to Orrery Partition configuration: what to attach to, where its sources are, common settings. */
public final class AttachTabGroup extends AbstractLaunchConfigurationTabGroup {

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] {new AttachMainTab(), new SourceLookupTab(), new CommonTab()});
    }
}
