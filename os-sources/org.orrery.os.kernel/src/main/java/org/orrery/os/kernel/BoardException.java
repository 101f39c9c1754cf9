// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * A board cannot boot or keep running a system for a reason of its own, not of the configuration (the machine
 * lacks a privilege, a partition's cgroup cannot be frozen, ...). The message is one line saying what is missing.
 */
public class BoardException extends Exception {
    private static final long serialVersionUID = 1L;

    public BoardException(String message) {
        super(message);
    }

    public BoardException(String message, Throwable cause) {
        super(message, cause);
    }
}
