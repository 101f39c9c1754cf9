// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.Console;

/** Whether a person is at the keyboard: prompts and progress bars only then, plain lines for scripts and CI. */
final class Terminal {

    private Terminal() {
    }

    static boolean interactive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        // From Java 22 the console exists even when redirected; isTerminal() tells (absent on 21, where null tells).
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
