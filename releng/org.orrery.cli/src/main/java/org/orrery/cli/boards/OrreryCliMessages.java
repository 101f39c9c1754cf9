// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;

import org.orrery.cli.IoProblems;

/** One line for a failure: the message (which names the board or file), or the exception's kind when it has none. */
final class OrreryCliMessages {

    private OrreryCliMessages() {
    }

    static String describe(Throwable e) {
        if (e instanceof IOException io) {
            return IoProblems.describe(io);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
