// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.io.IOException;

/** A trace directory that is not a well-formed Orrery CTF trace; the message names the file and offset. */
public final class CtfFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public CtfFormatException(String message) {
        super(message);
    }
}
