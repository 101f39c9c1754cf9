// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.util.concurrent.Callable;

import org.orrery.cli.HelpCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery plan switch BOARD PLAN}: switch the schedule of a running board. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Switch the plan of the system running on a board (needs the board's 'operate' role).",
        subcommands = {HelpCommand.class, PlanCommand.Switch.class})
public final class PlanCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "switch", mixinStandardHelpOptions = true,
            description = "Switch to PLAN at the end of the current major frame. Exits 0 once the board's kernel "
                    + "accepted it, 1 with the board's reason otherwise.")
    public static final class Switch implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BOARD", description = "The board's name in the registry.")
        String board;

        @Parameters(index = "1", paramLabel = "PLAN", description = "The plan's name in the system.")
        String plan;

        @Override
        public Integer call() {
            return ControlRequest.send(spec, "plan switch", board, "switch-plan", plan);
        }
    }
}
