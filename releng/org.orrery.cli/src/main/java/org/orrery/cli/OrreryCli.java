// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code orrery} command: one headless entry to every pipeline step, used by CI and by integrators.
 * Each step is its own subcommand class; this class only wires them and maps failures to exit codes.
 */
@Command(name = "orrery",
        mixinStandardHelpOptions = true,
        versionProvider = OrreryVersion.class,
        description = "Compose, build, run and inspect partitioned real-time systems.",
        footer = {"", "The Orrery System Language: 'orrery help language', and docs/language.md in the Orrery sources."},
        subcommands = {
            HelpCommand.class,
            org.orrery.cli.dsl.CheckCommand.class,
            org.orrery.cli.dsl.GenerateCommand.class,
            org.orrery.cli.dsl.ImportCommand.class,
            org.orrery.cli.dsl.ExportArincCommand.class,
            org.orrery.cli.dsl.ImportArincCommand.class,
            org.orrery.cli.dsl.LspCommand.class,
            org.orrery.cli.os.KeygenCommand.class,
            org.orrery.cli.os.BuildCommand.class,
            org.orrery.cli.os.RunCommand.class,
            org.orrery.cli.os.TraceCommand.class,
            org.orrery.cli.boards.AgentCommand.class,
            org.orrery.cli.boards.BoardsCommand.class,
            org.orrery.cli.boards.FlashCommand.class,
            org.orrery.cli.boards.MonitorCommand.class,
            org.orrery.cli.boards.DebugCommand.class,
            org.orrery.cli.boards.PartitionCommand.class,
            org.orrery.cli.boards.PlanCommand.class,
        })
public final class OrreryCli implements Runnable {

    /** Exit codes shared by every subcommand. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_INPUT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;
    /** The board cannot run here (a hosted board on a machine without cgroups, say); the input was fine. */
    public static final int EXIT_BOARD = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is rather than failing silently.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new OrreryCli());
        cl.setOut(out);
        cl.setErr(err);
        // Usage mistakes exit 2 (picocli's default); unexpected exceptions must never reach the user as a
        // stack trace, they become a one-line message and exit 1.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("orrery: error: " + describe(ex));
            return EXIT_INPUT_ERRORS;
        });
        cl.setExecutionStrategy(OrreryCli::executeOrHelp);
        CommandLine.IParameterExceptionHandler usageError = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args) -> {
            // `orrery boards add help`: the word help where the command's required arguments should be.
            CommandLine command = ex.getCommandLine();
            if (askedForHelp(command, java.util.Arrays.asList(args), depth(command))) {
                command.usage(command.getOut());
                return EXIT_OK;
            }
            return usageError.handleParseException(ex, args);
        });
        return cl;
    }

    private static int depth(CommandLine command) {
        int depth = 0;
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            depth++;
        }
        return depth;
    }

    /** True when {@code args} are the command's names followed by the single word help, and no file has that name. */
    private static boolean askedForHelp(CommandLine command, java.util.List<String> args, int depth) {
        return depth > 0 && command.getSubcommands().isEmpty() && args.size() == depth + 1
                && args.get(depth).equals("help") && !java.nio.file.Files.exists(java.nio.file.Path.of("help"));
    }

    /**
     * {@code orrery check help} (any command without subcommands, followed by the single word {@code help}) shows
     * that command's help, as {@code orrery trace help dump} does for a group, rather than reading a file called
     * "help" — unless such a file exists.
     */
    private static int executeOrHelp(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        CommandLine command = leaf.commandSpec().commandLine();
        if (askedForHelp(command, parsed.originalArgs(), depth(command))) {
            command.usage(command.getOut());
            return EXIT_OK;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }
}
