// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.config.ConfigException;

/**
 * A kind of board an image can boot on (the simulated board, the hosted Linux board, ...). Front ends find
 * boards by name and hand them a verified image's configuration and applications; neither the image library
 * nor the front ends know any particular board.
 */
public interface BoardSupport {

    /** The name configurations and {@code --board} use, e.g. {@code sim}. */
    String name();

    /** One line for listings, e.g. "deterministic simulated board (virtual time, one process per partition)". */
    String description();

    /**
     * Boots the system, runs it as the request says and returns what the kernel counted.
     *
     * @throws BoardException when this machine cannot run the board (one line saying what is missing)
     */
    RunSummary boot(BootRequest request) throws ConfigException, BoardException;
}
