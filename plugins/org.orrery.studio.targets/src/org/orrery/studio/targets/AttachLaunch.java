// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

/**
 * The "Attach to Orrery Partition" launch type: JDT's remote Java debugging of one partition JVM of a hosted board,
 * through the board agent's authenticated debug tunnel. Its id, the attributes of its configurations, and the ids of
 * its source lookup.
 */
public final class AttachLaunch {

    public static final String TYPE_ID = FlashLaunch.PLUGIN_ID + ".attach";
    /** Source path computer: the Orrery project's {@code apps/} source folders, the partition's own first. */
    public static final String SOURCE_PATH_COMPUTER_ID = FlashLaunch.PLUGIN_ID + ".appsSourcePathComputer";
    /** Source locator: a Java source lookup director over what the source path computer gives. */
    public static final String SOURCE_LOCATOR_ID = FlashLaunch.PLUGIN_ID + ".appsSourceLocator";

    /** Configuration attribute: the board's name in the registry. */
    public static final String ATTR_BOARD = FlashLaunch.ATTR_BOARD;
    /** Configuration attribute: the partition's name, as in the system description. */
    public static final String ATTR_PARTITION = FlashLaunch.PLUGIN_ID + ".partition";
    /** Configuration attribute: the Orrery project whose {@code apps/} hold the partitions' sources. */
    public static final String ATTR_PROJECT = FlashLaunch.ATTR_PROJECT;

    private AttachLaunch() {
    }
}
