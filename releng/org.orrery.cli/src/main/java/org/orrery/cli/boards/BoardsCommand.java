// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.orrery.cli.HelpCommand;
import org.orrery.cli.OrreryCli;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.os.agent.client.BoardRegistry.Board;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.OrreryHome;
import org.orrery.os.agent.client.StatusSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery boards ...}: the user's board registry (shared with Studio) and their key. */
@Command(name = "boards", mixinStandardHelpOptions = true,
        description = "Boards this user works with: add (trust the board's key on first contact), list, remove, "
                + "rename; whoami prints this user's key fingerprint for the boards to authorise.",
        subcommands = {HelpCommand.class, BoardsCommand.Add.class, BoardsCommand.ListBoards.class,
            BoardsCommand.Remove.class, BoardsCommand.Rename.class, BoardsCommand.Whoami.class})
public final class BoardsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static BoardRegistry registry() {
        return BoardRegistry.ofUser();
    }

    static ClientIdentity me() throws IOException {
        return ClientIdentity.loadOrCreate(OrreryHome.dir());
    }

    /** Prints the failure as one line and maps it to the exit code every board command uses. */
    static int fail(PrintWriter err, String command, Exception e) {
        err.println("orrery " + command + ": " + OrreryCliMessages.describe(e));
        return OrreryCli.EXIT_INPUT_ERRORS;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Remember a board: contacts it, shows the fingerprint of its key and asks before trusting it "
                    + "(trust on first use). Without a terminal --fingerprint is required and must match."})
    public static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Name for the board in this registry.")
        String name;

        @Parameters(index = "1", paramLabel = "HOST:PORT", description = "Where its agent listens.")
        String address;

        @Option(names = "--fingerprint", paramLabel = "F",
                description = "The key fingerprint the board must present (as its agent printed it at start).")
        String fingerprint;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                // What can be told without the board is told first: an unreachable board would hide it.
                BoardRegistry.checkName(name);
                var where = BoardRegistry.resolve(address);
                BoardRegistry reg = registry();
                if (reg.find(name).isPresent()) {
                    err.println("orrery boards add: a board named '" + name + "' is already in " + reg.file()
                            + " (`orrery boards remove " + name + "` first, or choose another name)");
                    return OrreryCli.EXIT_INPUT_ERRORS;
                }
                if (fingerprint == null && !Terminal.interactive()) {
                    err.println("orrery boards add: no terminal to confirm the board's key on: pass --fingerprint F "
                            + "(the agent prints it when it starts)");
                    return OrreryCli.EXIT_USAGE;
                }
                String presented = AgentClient.probe(name, where, me());
                if (fingerprint != null && !fingerprint.equals(presented)) {
                    err.println("orrery boards add: board " + name + " at " + address + " presented key " + presented
                            + ", not " + fingerprint + ": refusing to add it");
                    return OrreryCli.EXIT_INPUT_ERRORS;
                }
                if (fingerprint == null) {
                    out.println("board " + name + " at " + address + " presents key " + presented);
                    out.flush();
                    String answer = System.console().readLine("Trust this key and add the board? [y/N] ");
                    if (answer == null || !answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
                        err.println("orrery boards add: not added");
                        return OrreryCli.EXIT_INPUT_ERRORS;
                    }
                }
                Board board = new Board(name, address, presented, null, null);
                String note;
                try (AgentClient c = AgentClient.connect(name, where, presented, me())) {
                    board = board.seen(Instant.now(), StatusSnapshot.of(c.status()));
                    note = board.snapshot();
                } catch (AgentException e) {
                    note = "not authorised to read its status yet: " + e.getMessage();
                }
                reg.add(board);
                out.println("added board " + name + " (" + address + ", key " + presented + ")");
                out.println(note);
                return OrreryCli.EXIT_OK;
            } catch (IOException | IllegalArgumentException e) {
                return fail(err, "boards add", e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every board with its last status: running image (system, version, hash), slot states, "
                    + "key; reachable boards are asked for their status first unless --offline.")
    public static final class ListBoards implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--offline", description = "Show what the registry remembers without contacting the boards.")
        boolean offline;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                BoardRegistry reg = registry();
                List<Board> boards = reg.list();
                if (boards.isEmpty()) {
                    out.println("no boards yet (`orrery boards add NAME HOST:PORT`)");
                    return OrreryCli.EXIT_OK;
                }
                ClientIdentity me = offline ? null : me();
                for (Board b : boards) {
                    String reach = "";
                    if (!offline) {
                        try (AgentClient c = AgentClient.connect(b.name(), b.socketAddress(), b.fingerprint(), me,
                                Duration.ofSeconds(3))) {
                            b = b.seen(Instant.now(), StatusSnapshot.of(c.status()));
                            reg.update(b);
                        } catch (AgentException | IllegalArgumentException e) {
                            reach = " [not now: " + e.getMessage() + "]";
                        }
                    }
                    out.println(b.name() + "  " + b.address() + "  " + b.fingerprint());
                    out.println("    last seen " + (b.lastSeen() == null ? "never" : b.lastSeen()) + reach);
                    out.println("    " + (b.snapshot() == null ? "no status yet" : b.snapshot()));
                }
                return OrreryCli.EXIT_OK;
            } catch (IOException e) {
                return fail(spec.commandLine().getErr(), "boards list", e);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a board (and the key it was trusted with).")
    public static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try {
                registry().remove(name);
                spec.commandLine().getOut().println("removed board " + name);
                return OrreryCli.EXIT_OK;
            } catch (IOException e) {
                return fail(spec.commandLine().getErr(), "boards remove", e);
            }
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a board another name in this registry.")
    public static final class Rename implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        public Integer call() {
            try {
                registry().rename(oldName, newName);
                spec.commandLine().getOut().println("renamed board " + oldName + " to " + newName);
                return OrreryCli.EXIT_OK;
            } catch (IOException | IllegalArgumentException e) {
                return fail(spec.commandLine().getErr(), "boards rename", e);
            }
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true,
            description = "This user's key fingerprint (created on first use), to authorise on a board.")
    public static final class Whoami implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                ClientIdentity me = me();
                PrintWriter out = spec.commandLine().getOut();
                out.println(me.fingerprint());
                out.println("(key in " + OrreryHome.dir().resolve("identity") + "; a board's owner authorises it with a line "
                        + "'" + me.fingerprint() + " flash,monitor NAME' in the board's trust/clients file)");
                return OrreryCli.EXIT_OK;
            } catch (IOException e) {
                return fail(spec.commandLine().getErr(), "boards whoami", e);
            }
        }
    }
}
