// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch;

/** The "Orrery Simulator" launch type: its id and the attributes of its configurations and launches. */
public final class SimulatorLaunch {

    public static final String TYPE_ID = "org.orrery.studio.launch.simulator";

    /** Configuration attribute: the project's name. */
    public static final String ATTR_PROJECT = "org.orrery.studio.launch.project";
    /** Configuration attribute: the system description, relative to the project. */
    public static final String ATTR_SYSTEM_FILE = "org.orrery.studio.launch.systemFile";
    /** Configuration attribute: how long to run, in milliseconds of board time. */
    public static final String ATTR_DURATION_MS = "org.orrery.studio.launch.durationMs";
    public static final int DEFAULT_DURATION_MS = 10_000;
    /** Configuration attribute: the board to boot on, by name ({@code sim}, or {@code hosted} on Linux). */
    public static final String ATTR_BOARD = "org.orrery.studio.launch.board";
    public static final String DEFAULT_BOARD = "sim";

    /**
     * Launch attribute set once the run has ended: the absolute path of the trace folder it wrote. Views
     * listening for terminated launches open it.
     */
    public static final String TRACE_FOLDER = "org.orrery.studio.launch.traceFolder";

    private SimulatorLaunch() {
    }
}
