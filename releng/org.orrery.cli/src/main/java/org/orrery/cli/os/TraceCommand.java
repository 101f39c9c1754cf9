// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.orrery.cli.HelpCommand;
import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfText;
import org.orrery.os.trace.ctf.CtfTrace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery trace ...}: inspect CTF traces written by {@code orrery run --trace}, check their schedule. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Inspect CTF 1.8 traces and check them against the configured schedule.",
        subcommands = {HelpCommand.class, TraceCommand.Dump.class, TraceCheckCommand.class,
            org.orrery.cli.boards.TraceLiveCommand.class})
public final class TraceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code orrery trace dump DIR}: every event as one text line, like babeltrace2's text output. */
    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Print every event of a trace directory in time order, one line each; numbers the trace "
                    + "names (partitions, processes, ports, plans, states) are shown as their names.")
    public static final class Dump implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Trace directory (metadata + stream_<core> files).")
        Path dir;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            if (!Files.isDirectory(dir)) {
                err.println("orrery trace dump: " + dir + ": no such directory");
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
            try {
                CtfTrace trace = CtfReader.read(dir);
                var out = spec.commandLine().getOut();
                CtfText.dump(trace, out);
                if (trace.discarded() > 0) {
                    err.println("orrery trace dump: warning: the tracer discarded " + trace.discarded()
                            + " events (buffers were full)");
                }
                out.flush();
                return OrreryCli.EXIT_OK;
            } catch (IOException e) {
                err.println("orrery trace dump: " + IoProblems.describe(e));
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
        }
    }
}
