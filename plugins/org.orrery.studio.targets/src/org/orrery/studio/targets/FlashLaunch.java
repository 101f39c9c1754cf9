// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

/** The "Flash to Orrery Board" launch type: its id and the attributes of its configurations. */
public final class FlashLaunch {

    public static final String PLUGIN_ID = "org.orrery.studio.targets";
    public static final String TYPE_ID = PLUGIN_ID + ".flash";

    /** Configuration attribute: the project's name. */
    public static final String ATTR_PROJECT = PLUGIN_ID + ".project";
    /**
     * Configuration attribute: the system description, relative to the project; empty means "the project's one
     * system" (an error when it has several).
     */
    public static final String ATTR_SYSTEM_FILE = PLUGIN_ID + ".systemFile";
    /** Configuration attribute: the board's name in the registry. */
    public static final String ATTR_BOARD = PLUGIN_ID + ".board";

    private FlashLaunch() {
    }
}
