// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.PrintWriter;

import org.orrery.cli.OrreryCli;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;

/** Prints a compilation's diagnostics the way compilers do, and turns them into an exit code. */
final class Diagnostics {

    private Diagnostics() {
    }

    /** Prints every diagnostic to {@code err}; returns the exit code (errors → 1). */
    static int report(Compilation c, PrintWriter err) {
        for (Diagnostic d : c.diagnostics()) {
            err.println(d.format());
        }
        return c.hasErrors() ? OrreryCli.EXIT_INPUT_ERRORS : OrreryCli.EXIT_OK;
    }

    static String summary(Compilation c) {
        long errors = c.errors().size();
        long warnings = c.diagnostics().size() - errors;
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
