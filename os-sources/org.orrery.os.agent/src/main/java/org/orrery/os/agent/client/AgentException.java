// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;

/**
 * A board refused or could not be reached; the message names the board and the reason and is fit to show as it
 * is. The code is the board's {@link org.orrery.os.agent.Refusal} code, or one of the client's own:
 * {@code fingerprint-changed}, {@code unreachable}, {@code handshake}, {@code protocol}, {@code version},
 * {@code cancelled}.
 */
public final class AgentException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public AgentException(String code, String message) {
        super(message);
        this.code = code;
    }

    public AgentException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
