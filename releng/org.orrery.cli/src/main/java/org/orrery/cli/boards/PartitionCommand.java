// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.util.concurrent.Callable;

import org.orrery.cli.HelpCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery partition start|stop|restart BOARD PARTITION}: operate one partition of a running board. */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = "Start, stop or restart a partition of the system running on a board (needs the board's "
                + "'operate' role). Exits 0 once the board's kernel applied it, 1 with the board's reason otherwise.",
        subcommands = {HelpCommand.class, PartitionCommand.Start.class, PartitionCommand.Stop.class,
            PartitionCommand.Restart.class})
public final class PartitionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the three actions share: the board and the partition. */
    abstract static class Action implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BOARD", description = "The board's name in the registry.")
        String board;

        @Parameters(index = "1", paramLabel = "PARTITION", description = "The partition's name in the system.")
        String partition;

        @Override
        public Integer call() {
            return ControlRequest.send(spec, "partition " + spec.name(), board, spec.name(), partition);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Cold start an IDLE partition (its initialisation then makes it NORMAL).")
    public static final class Start extends Action {
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a partition: it goes IDLE, its processes stop, its windows stay empty.")
    public static final class Stop extends Action {
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Cold start a partition whatever its mode.")
    public static final class Restart extends Action {
    }
}
