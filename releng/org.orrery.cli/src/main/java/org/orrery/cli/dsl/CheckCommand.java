// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.orrery.cli.OrreryCli;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery check}: validate system descriptions, report every problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check .orrery files (and what they import) against every rule of the language, "
                + "including schedulability. Diagnostics: file:line:col: error[RULE]: message. A file that "
                + "declares nothing or does not parse is an error; after a syntax error the other rules wait "
                + "until the file parses.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "System or fragment files to check.")
    List<Path> files;

    @Override
    public Integer call() {
        int exit = OrreryCli.EXIT_OK;
        Compile compile = Compile.create();
        // Each file is checked as its own system (with its imports), so one file's errors never hide another's.
        for (Path f : files) {
            Compiled c = compile.check(f);
            exit = Math.max(exit, Diagnostics.report(c, spec.commandLine().getErr()));
            spec.commandLine().getOut().println(f + ": " + c.summary());
        }
        return exit;
    }
}
