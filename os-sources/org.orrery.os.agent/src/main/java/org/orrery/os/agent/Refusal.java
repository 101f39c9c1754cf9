// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/**
 * A request the board refused, with a reason a client shows as it is. The code is stable for scripts and tests:
 * {@code unsigned}, {@code wrong-key}, {@code tampered}, {@code truncated}, {@code downgrade}, {@code busy},
 * {@code no-upload}, {@code bad-offset}, {@code too-large}, {@code bad-request}, {@code unauthenticated},
 * {@code unauthorised}, {@code io}, {@code unsupported} (this kind of board cannot do it), {@code not-running} (no
 * image runs), {@code no-partition}, {@code refused} (the running kernel said no to an operator request).
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public Refusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
