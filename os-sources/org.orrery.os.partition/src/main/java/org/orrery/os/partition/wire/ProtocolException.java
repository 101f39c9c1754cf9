// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.wire;

import java.io.IOException;

/**
 * What came over the wire breaks the protocol, as opposed to the other end having gone. The kernel tells the two
 * apart: a partition process that sends what it may not is refused for that at once, while a lost connection is
 * waited on to learn what the process died of.
 */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    /** @param problem what was wrong, in words for a health-monitor message ("9 arguments") */
    public ProtocolException(String problem) {
        super("protocol: " + problem);
        this.problem = problem;
    }

    /** What was wrong, without the "protocol:" prefix of the message. */
    public String problem() {
        return problem;
    }
}
