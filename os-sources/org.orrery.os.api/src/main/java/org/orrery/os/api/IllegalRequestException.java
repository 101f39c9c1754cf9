// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * Thrown by an API call that was refused as {@link ErrorCode#ILLEGAL_REQUEST} (after the health monitor
 * handled it and let the caller continue). The call had no effect.
 */
public final class IllegalRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalRequestException(String message) {
        super(message);
    }
}
