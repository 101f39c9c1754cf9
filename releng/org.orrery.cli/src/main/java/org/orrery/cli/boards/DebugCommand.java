// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.orrery.cli.OrreryCli;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.DebugPort;
import org.orrery.os.agent.client.BoardRegistry.Board;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orrery debug BOARD PARTITION [--port P]}: a local port on 127.0.0.1 for jdb or any JDWP client, tunnelled to
 * the partition's JVM through the board agent's authenticated session. Runs until Ctrl-C or the end of stdin.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = {"Debug one partition of a running hosted board: listen on 127.0.0.1:PORT and tunnel each "
                + "debugger that connects (jdb -attach, an IDE's remote Java debugging) to the partition's JVM "
                + "through the board agent (needs the 'debug' role). The other partitions keep their windows. "
                + "Runs until Ctrl-C or the end of standard input."})
public final class DebugCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BOARD", description = "The board's name in the registry.")
    String boardName;

    @Parameters(index = "1", paramLabel = "PARTITION", description = "The partition to debug.")
    String partition;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Local port on 127.0.0.1 (default 0: any free port, printed).")
    int port;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("orrery debug: --port " + port + " is not a TCP port (0-65535)");
            return OrreryCli.EXIT_USAGE;
        }
        try {
            Board board = BoardsCommand.registry().get(boardName);
            ClientIdentity me = BoardsCommand.me();
            DebugPort.Connector connector = () -> AgentClient.connect(board.name(), board.socketAddress(),
                    board.fingerprint(), me);
            // before listening: the board is reachable, knows this key and can debug at all
            try (AgentClient probe = connector.connect()) {
                if (!probe.boardKind().equals("hosted")) {
                    err.println("orrery debug: board " + board.name() + " runs the " + probe.boardKind()
                            + " board: the simulated board starts its partitions without a debug transport;"
                            + " debug needs --board hosted");
                    return OrreryCli.EXIT_INPUT_ERRORS;
                }
            }
            try (DebugPort local = DebugPort.open(port, partition, connector, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            })) {
                Thread hook = new Thread(local::close, "orrery-debug-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                String at = "127.0.0.1:" + local.port();
                synchronized (out) {
                    out.println("listening on " + at + " for partition " + partition + " of board " + board.name()
                            + " — attach with: jdb -attach " + at);
                    out.flush();
                }
                awaitEndOfInput(System.in);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException stopping) {
                    // Ctrl-C: the hook closes the port
                }
            }
            return OrreryCli.EXIT_OK;
        } catch (IOException | IllegalArgumentException e) {
            return BoardsCommand.fail(err, "debug", e);
        }
    }

    /** Blocks until stdin ends (a closed pipe, Ctrl-D); Ctrl-C ends the JVM and the shutdown hook closes the port. */
    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] b = new byte[256];
        while (in.read(b) >= 0) {
            // nothing is read from the user; only the end matters
        }
    }
}
