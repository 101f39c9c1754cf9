// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import org.orrery.os.image.ImageException;

/**
 * A request the board refused, with a reason a client shows as it is. The code is stable for scripts and tests:
 * {@code unsigned}, {@code wrong-key}, {@code tampered}, {@code truncated}, {@code downgrade}, {@code busy},
 * {@code no-upload}, {@code bad-offset}, {@code too-large}, {@code bad-request}, {@code unauthenticated},
 * {@code unauthorised}, {@code io}, {@code unsupported} (this kind of board cannot do it), {@code not-running} (no
 * image runs), {@code no-partition}, {@code refused} (the running kernel said no to an operator request).
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** The code a board and its clients give an image the image library refused for {@code reason}. */
    public static String code(ImageException.Reason reason) {
        return switch (reason) {
            case UNSIGNED -> "unsigned";
            case WRONG_KEY -> "wrong-key";
            case TRUNCATED -> "truncated";
            case TAMPERED -> "tampered";
            case ROLLBACK -> "downgrade";
            case IO -> "io";
            case NOT_AN_IMAGE, UNSUPPORTED_VERSION, BAD_CONTENT -> "bad-request";
        };
    }

    private final String code;

    public Refusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
