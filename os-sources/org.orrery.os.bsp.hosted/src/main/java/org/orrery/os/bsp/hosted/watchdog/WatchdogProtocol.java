// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

/**
 * What the board watchdog and the kernel it supervises agree on: the environment the kernel is started with,
 * the bytes it sends, and the exit statuses that mean something to the supervisor. Defined once here so both
 * sides use the same names.
 */
public final class WatchdogProtocol {
    /** Environment variable holding the path of the supervisor's Unix domain socket. */
    public static final String SOCKET_ENV = "ORRERY_WATCHDOG";
    /** Environment variable holding how many times the supervisor has reset the board so far (0 on first boot). */
    public static final String RESETS_ENV = "ORRERY_BOARD_RESETS";
    /** Environment variable holding why the last reset happened ({@link #CAUSE_WATCHDOG} or {@link #CAUSE_CRASH}). */
    public static final String RESET_CAUSE_ENV = "ORRERY_BOARD_RESET_CAUSE";
    /** Reset cause: the kicks stopped (or never started). */
    public static final String CAUSE_WATCHDOG = "watchdog";
    /** Reset cause: the kernel process ended with a status that is not a clean end. */
    public static final String CAUSE_CRASH = "crash";

    /** One kick. */
    public static final byte KICK = 'K';
    /**
     * Clean stop: the kernel is shutting down on purpose and will exit soon, so the end of its kicks is not a
     * fault. Named after the magic close of Linux's /dev/watchdog, which is the same idea.
     */
    public static final byte CLEAN_STOP = 'V';

    /**
     * Exit status of a kernel that shut the board down on purpose (SHUTDOWN_MODULE, power fail): like 0 it ends
     * the supervisor with that status instead of booting the board again.
     */
    public static final int STATUS_BOARD_SHUT_DOWN = 10;
    /** Supervisor exit status: the command line was wrong or the supervisor could not set itself up. */
    public static final int STATUS_USAGE = 2;
    /** Supervisor exit status: --max-resets was reached, the board does not come up. */
    public static final int STATUS_GAVE_UP = 70;
    /** Supervisor exit status: the kernel announced a clean stop but did not exit within the stop timeout. */
    public static final int STATUS_STOP_OVERRAN = 71;
    /** Supervisor exit status: the supervisor itself was asked to stop (SIGTERM, SIGINT, {@code stop()}). */
    public static final int STATUS_STOPPED = 72;

    private WatchdogProtocol() {
    }

    /** Whether a kernel exit status ends the board for good (0 or {@link #STATUS_BOARD_SHUT_DOWN}). */
    public static boolean isCleanExit(int status) {
        return status == 0 || status == STATUS_BOARD_SHUT_DOWN;
    }
}
