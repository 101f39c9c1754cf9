// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.io.IOException;

/** The peer broke the protocol (a malformed frame, an unexpected message): the connection is closed. */
public final class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    /**
     * No stack trace: peers choose when these are thrown (one per malformed frame), the log line carries the
     * message only, and filling in a trace per refusal would make a flood of garbage cost the board CPU.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
