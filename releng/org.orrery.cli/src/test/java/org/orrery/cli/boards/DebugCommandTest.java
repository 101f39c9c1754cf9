// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.agent.Agent;
import org.orrery.os.agent.AgentServer;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.client.ClientIdentity;

/** {@code orrery debug} refusals that need no hosted board (the tunnel itself: DebugEndToEndTest). */
class DebugCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private AgentServer server;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("orrery.home", tmp.resolve("home").toString());
        server = Agent.start(tmp.resolve("bench"), new InetSocketAddress("127.0.0.1", 0), new TestBoard(),
                new PrintStream(OutputStream.nullOutputStream()));
        String me = ClientIdentity.loadOrCreate(tmp.resolve("home")).fingerprint();
        Agent.authorize(tmp.resolve("bench"), me, Set.of(Role.DEBUG), "tester");
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", "127.0.0.1:" + server.address().getPort(),
                "--fingerprint", server.fingerprint()), err.toString());
    }

    @AfterEach
    void stop() {
        server.close();
        System.clearProperty("orrery.home");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aSimulatedBoardIsRefusedBeforeAnyPortOpens() {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("debug", "bench", "nav"));
        assertEquals("orrery debug: board bench runs the sim board: the simulated board starts its partitions without a "
                + "debug transport; debug needs --board hosted\n", err.toString());
        assertEquals("", out.toString(), "nothing listens");
    }

    @Test
    void aPortOutsideTcpsRangeIsAUsageError() {
        assertEquals(OrreryCli.EXIT_USAGE, run("debug", "bench", "nav", "--port", "70000"));
        assertEquals("orrery debug: --port 70000 is not a TCP port (0-65535)\n", err.toString());
    }
}
