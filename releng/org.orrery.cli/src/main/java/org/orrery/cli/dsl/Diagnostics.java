// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.orrery.cli.OrreryCli;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.os.config.SystemConfig;

/**
 * Prints a compilation's diagnostics the way compilers do, and turns them into an exit code. Public for the
 * commands outside this package that also start from a system description ({@code orrery trace check}).
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** Prints every diagnostic to {@code err}; returns the exit code (errors → 1). */
    static int report(Compilation c, PrintWriter err) {
        for (Diagnostic d : c.diagnostics()) {
            err.println(d.format());
        }
        return c.hasErrors() ? OrreryCli.EXIT_INPUT_ERRORS : OrreryCli.EXIT_OK;
    }

    /**
     * Compiles {@code file} for a command that needs its configuration ({@code purpose}: what it would make);
     * empty, with every diagnostic printed, when the file has errors or declares no system.
     */
    public static Optional<SystemConfig> configOf(Path file, PrintWriter err, String purpose) {
        Compilation c = SystemCompiler.create().compile(file);
        if (report(c, err) != OrreryCli.EXIT_OK) {
            return Optional.empty();
        }
        if (c.config().isEmpty()) {
            err.println(file + ":1:1: error[no-system]: the file declares no 'system'; nothing to " + purpose);
        }
        return c.config();
    }

    static String summary(Compilation c) {
        long errors = c.errors().size();
        long warnings = c.diagnostics().size() - errors;
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
