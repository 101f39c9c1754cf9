// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.ui;

/** Identifiers of the simulator launch UI that tests and other bundles refer to (plugin.xml uses the same). */
public final class SimulatorLaunchUi {

    public static final String SHORTCUT_ID = "org.orrery.studio.launch.ui.simulatorShortcut";
    public static final String TAB_GROUP_ID = "org.orrery.studio.launch.ui.simulatorTabGroup";

    private SimulatorLaunchUi() {
    }
}
