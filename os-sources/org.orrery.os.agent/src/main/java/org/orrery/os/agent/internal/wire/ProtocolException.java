// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.io.IOException;

/** The peer broke the protocol (a malformed frame, an unexpected message): the connection is closed. */
public final class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
