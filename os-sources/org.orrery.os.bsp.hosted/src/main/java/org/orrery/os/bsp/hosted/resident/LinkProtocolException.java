// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.io.IOException;

/**
 * The other end of the link broke the protocol: an unknown message type, a field out of range, or a stream that ends
 * inside a message. The link cannot be trusted after it (the next message's start is unknown), so the reader's owner
 * ends the link; a stream that ends between messages is an {@link java.io.EOFException} instead.
 */
public final class LinkProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public LinkProtocolException(String message) {
        super(message);
    }

    /**
     * No stack trace: the message names the message type and field, which is all a refusal has to say, and the
     * stack would be the same reader loop every time. The peer chooses when these are thrown, so they stay cheap.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
