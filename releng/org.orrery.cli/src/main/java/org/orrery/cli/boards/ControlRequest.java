// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.PrintWriter;

import org.orrery.cli.OrreryCli;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.BoardRegistry.Board;

import picocli.CommandLine.Model.CommandSpec;

/**
 * One operator request to a board of the registry (what {@code orrery partition} and {@code orrery plan} send):
 * prints what the board did and exits 0, or prints the board's reason and exits 1.
 */
final class ControlRequest {

    private ControlRequest() {
    }

    static int send(CommandSpec spec, String command, String boardName, String action, String target) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Board board = BoardsCommand.registry().get(boardName);
            try (AgentClient c = AgentClient.connect(board.name(), board.socketAddress(), board.fingerprint(),
                    BoardsCommand.me())) {
                out.println("board " + board.name() + ": " + c.control(action, target));
                return OrreryCli.EXIT_OK;
            }
        } catch (IOException | IllegalArgumentException e) {
            return BoardsCommand.fail(err, command, e);
        }
    }
}
