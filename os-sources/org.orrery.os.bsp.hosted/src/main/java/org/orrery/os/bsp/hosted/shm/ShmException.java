// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

/**
 * A shared-memory port region cannot be created or opened. The message is one line naming the file and, for a
 * header mismatch, the field, what the file holds and what the caller expected.
 */
public final class ShmException extends Exception {
    private static final long serialVersionUID = 1L;

    public ShmException(String message) {
        super(message);
    }

    public ShmException(String message, Throwable cause) {
        super(message, cause);
    }
}
