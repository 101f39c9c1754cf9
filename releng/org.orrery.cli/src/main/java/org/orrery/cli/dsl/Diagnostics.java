// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.orrery.cli.OrreryCli;
import org.orrery.dsl.Diagnostic;
import org.orrery.os.config.SystemConfig;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

/** Prints the compile step's diagnostics the way compilers do ({@link Diagnostic#format()}), and exit codes. */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** Prints every diagnostic to {@code err}; returns the exit code (errors → 1). */
    public static int report(Compiled c, PrintWriter err) {
        for (Diagnostic d : c.diagnostics()) {
            err.println(d.format());
        }
        return c.hasErrors() ? OrreryCli.EXIT_INPUT_ERRORS : OrreryCli.EXIT_OK;
    }

    /**
     * Compiles {@code file} for a command that needs its system; empty, with every diagnostic printed and a
     * last line saying what was not done ({@code command}: e.g. "orrery build"; {@code nothing}: e.g. "no image
     * built"), when the file has errors or declares no system.
     */
    public static Optional<Compiled> system(Path file, PrintWriter err, String command, String nothing) {
        Compiled c = Compile.create().system(file);
        if (report(c, err) == OrreryCli.EXIT_OK) {
            return Optional.of(c);
        }
        int n = c.errors().size();
        err.println(command + ": " + n + (n == 1 ? " error" : " errors") + " in " + file + "; " + nothing);
        return Optional.empty();
    }

    /** As {@link #system} when only the configuration is needed. */
    static Optional<SystemConfig> configOf(Path file, PrintWriter err, String command) {
        return system(file, err, command, "nothing written").flatMap(Compiled::config);
    }
}
