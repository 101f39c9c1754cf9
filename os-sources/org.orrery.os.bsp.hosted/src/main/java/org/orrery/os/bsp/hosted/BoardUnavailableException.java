// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.orrery.os.kernel.BoardException;

/**
 * The hosted board cannot start on this machine (no Linux, no cgroup delegation, no real-time priority, ...).
 * The message is one line saying what is missing and where it looked; the board never falls back to best
 * effort.
 */
public final class BoardUnavailableException extends BoardException {
    private static final long serialVersionUID = 1L;

    public BoardUnavailableException(String message) {
        super(message);
    }

    public BoardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
