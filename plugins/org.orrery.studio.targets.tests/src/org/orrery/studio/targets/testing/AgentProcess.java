// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.orrery.os.agent.Agent;
import org.orrery.os.agent.AgentServer;
import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.slots.SlotBoard;
import org.orrery.os.agent.slots.SlotBoardOptions;

/**
 * A board agent in a JVM of its own, outside OSGi, as {@code orrery agent --board sim} runs it: a {@link SlotBoard}
 * boots its images in child JVMs with its own class path, which a bundle inside the workbench does not have. Runs
 * until its standard input closes (the test ended or died).
 *
 * <p>Arguments: the slot directory and the healthy major frames an image needs to confirm itself good; optionally a
 * partition and the file holding the JDWP port on loopback to debug it through (a {@link JdwpBoard}).
 */
public final class AgentProcess {

    private AgentProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        SlotBoard slots = SlotBoard.open(dir, SlotBoardOptions.defaults("sim").withConfirmFrames(Integer.parseInt(args[1])));
        BoardControl board = args.length > 3 ? new JdwpBoard(slots, args[2], Path.of(args[3])) : slots;
        AgentServer server = Agent.start(dir, new InetSocketAddress("127.0.0.1", 0), board);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go
        }
        server.close();
        board.close();
        System.exit(0);
    }
}
