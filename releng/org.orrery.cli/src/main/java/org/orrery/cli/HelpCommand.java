// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND...]} on every command that has subcommands: {@code orrery help trace dump} and
 * {@code orrery trace help dump} both show the help of {@code trace dump}. Picocli's own help command looks up
 * one level only, so {@code help trace dump} would show the help of {@code trace}. At the top,
 * {@code orrery help language [WORD...]} is the language's topic ({@link LanguageHelp}).
 */
@Command(name = "help", helpCommand = true,
        description = {"Show the help of a command; name a subcommand after it for that subcommand's help.",
            "'help language [WORD...]' summarises the Orrery System Language or explains a keyword."})
public final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommands) to explain.")
    String[] commands = {};

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean usageHelp;

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
        this.err = errWriter;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        if (commands.length > 0 && commands[0].equals(LanguageHelp.TOPIC) && target.getParent() == null) {
            return LanguageHelp.print(out, err, java.util.Arrays.asList(commands).subList(1, commands.length));
        }
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                err.println(target.getCommandSpec().qualifiedName() + ": no command '" + name + "'; commands: "
                        + String.join(", ", target.getSubcommands().keySet()));
                return OrreryCli.EXIT_USAGE;
            }
            target = sub;
        }
        target.usage(out, colors);
        return OrreryCli.EXIT_OK;
    }
}
