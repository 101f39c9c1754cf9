// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.agent.Agent;
import org.orrery.os.agent.AgentServer;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.client.ClientIdentity;

/** {@code orrery boards|flash|monitor} against an agent served in this JVM over real TLS on loopback. */
class BoardCommandsTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final TestBoard board = new TestBoard();
    private AgentServer server;
    private String address;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("orrery.home", tmp.resolve("home").toString());
        server = Agent.start(tmp.resolve("bench"), new InetSocketAddress("127.0.0.1", 0), board,
                new PrintStream(OutputStream.nullOutputStream()));
        address = "127.0.0.1:" + server.address().getPort();
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

    private String authorise(Role... roles) throws Exception {
        String me = ClientIdentity.loadOrCreate(tmp.resolve("home")).fingerprint();
        Agent.authorize(tmp.resolve("bench"), me, Set.of(roles), "tester");
        return me;
    }

    @Test
    void agentAuthorizeThenRevokeTakesTheKeyOffTheBoard() throws Exception {
        String me = ClientIdentity.loadOrCreate(tmp.resolve("home")).fingerprint();
        String slots = tmp.resolve("bench").toString();
        assertEquals(OrreryCli.EXIT_OK, run("agent", "authorize", "--slots", slots, me, "--roles", "monitor", "--name",
                "dana"), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", address, "--fingerprint", server.fingerprint()),
                err.toString());

        assertEquals(OrreryCli.EXIT_OK, run("agent", "revoke", "--slots", slots, me), err.toString());
        assertEquals("orrery agent: " + me + " may no longer use the board in " + slots + "\n", out.toString());
        assertTrue(Files.readString(tmp.resolve("bench").resolve(Agent.CLIENTS_FILE)).lines()
                .noneMatch(l -> l.startsWith(me)), "the key's line is gone");
        run("boards", "add", "again", address, "--fingerprint", server.fingerprint());
        // TLS 1.3 has the refusal arrive in the handshake or at the first read: either way, not authorised
        assertTrue((out.toString() + err).contains("not authorised to read its status yet"),
                "the board refuses the key now: " + out + err);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("agent", "revoke", "--slots", slots, me));
        assertEquals("orrery agent revoke: no client key " + me + " is authorised on the board in " + slots + "\n",
                err.toString());
    }

    @Test
    void whoamiPrintsThisUsersKeyFingerprint() throws Exception {
        assertEquals(OrreryCli.EXIT_OK, run("boards", "whoami"), err.toString());
        String me = ClientIdentity.loadOrCreate(tmp.resolve("home")).fingerprint();
        assertTrue(out.toString().startsWith(me + "\n"), out.toString());
    }

    @Test
    void addListRenameRemoveWithAFingerprint() throws Exception {
        authorise(Role.MONITOR);
        assertEquals(OrreryCli.EXIT_USAGE, run("boards", "add", "bench", address));
        assertTrue(err.toString().contains("no terminal to confirm the board's key on: pass --fingerprint F"), err.toString());

        String wrong = ClientIdentity.loadOrCreate(tmp.resolve("elsewhere")).fingerprint();
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("boards", "add", "bench", address, "--fingerprint", wrong));
        assertEquals("orrery boards add: board bench at " + address + " presented key " + server.fingerprint() + ", not "
                + wrong + ": refusing to add it\n", err.toString());

        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", address, "--fingerprint", server.fingerprint()), err.toString());
        assertTrue(out.toString().contains("added board bench (" + address + ", key " + server.fingerprint() + ")"), out.toString());

        assertEquals(OrreryCli.EXIT_OK, run("boards", "list"), err.toString());
        String list = out.toString();
        assertTrue(list.startsWith("bench  " + address + "  " + server.fingerprint()), list);
        assertTrue(list.contains("sim: running demo 1.0.0 abababababab from slot a; slots a=good*(demo 1.0.0 abababababab) b=empty"), list);
        assertTrue(!list.contains("last seen never"), list);

        assertEquals(OrreryCli.EXIT_OK, run("boards", "rename", "bench", "rig-1"), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "list", "--offline"));
        assertTrue(out.toString().startsWith("rig-1  "), out.toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "remove", "rig-1"));
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("boards", "remove", "rig-1"));
        assertTrue(err.toString().startsWith("orrery boards remove: no board named 'rig-1' in "), err.toString());
    }

    /** Once, an unreachable board or a missing terminal was all a bad name or address got to hear. */
    @Test
    void addRefusesABadNameOrAddressBeforeContactingAnything() {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("boards", "add", "../x", "127.0.0.1:1", "--fingerprint", "F"));
        assertEquals("orrery boards add: board name '../x' must be 1-64 letters, digits, '.', '_' or '-', starting "
                + "with a letter or digit", err.toString().strip());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("boards", "add", "bench", "notahostport"));
        assertEquals("orrery boards add: address 'notahostport' must be HOST:PORT", err.toString().strip());
    }

    @Test
    void flashExitsZeroOnceConfirmedAndOneWithTheBoardsReasonOnRefusalOrRollback() throws Exception {
        authorise(Role.FLASH, Role.MONITOR);
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", address, "--fingerprint", server.fingerprint()));
        Path img = image("demo.oimg", 200_000);
        long size = Files.size(img);

        assertEquals(OrreryCli.EXIT_OK, run("flash", img.toString(), "--board", "bench"), err.toString());
        assertTrue(out.toString().contains("upload 100% (" + size + " of " + size + " bytes)"), out.toString());
        assertTrue(out.toString().contains("board bench: image confirmed good (3 healthy major frames)"), out.toString());

        board.verdict = new Verdict(Verdict.Outcome.ROLLED_BACK, "partition nav crashed at start (HM: PROCESS_ERROR)");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", img.toString(), "--board", "bench"));
        assertEquals("orrery flash: board bench rolled back to the previous image: partition nav crashed at start (HM: PROCESS_ERROR)\n",
                err.toString());

        board.refusal = new Refusal("wrong-key", "image is signed by SHA256:xyz, which this board does not trust");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", img.toString(), "--board", "bench"));
        assertEquals("orrery flash: board bench refused INSTALL (wrong-key): image is signed by SHA256:xyz, which this board "
                + "does not trust\n", err.toString());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", img.toString(), "--board", "nope"));
        assertTrue(err.toString().startsWith("orrery flash: no board named 'nope' in "), err.toString());
    }

    @Test
    void flashWithAMonitorOnlyKeyIsRefusedNamingTheRole() throws Exception {
        authorise(Role.MONITOR);
        run("boards", "add", "bench", address, "--fingerprint", server.fingerprint());
        Path img = image("demo.oimg", 1000);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", img.toString(), "--board", "bench"));
        assertEquals("orrery flash: board bench refused UPLOAD_BEGIN (unauthorised): client tester lacks the role 'flash' "
                + "needed for UPLOAD_BEGIN on board bench\n", err.toString());
    }

    @Test
    void monitorStreamsTheStatusThenEvents() throws Exception {
        authorise(Role.MONITOR);
        run("boards", "add", "bench", address, "--fingerprint", server.fingerprint());
        Thread emitter = Thread.ofPlatform().start(() -> {
            long deadline = System.currentTimeMillis() + 5_000;
            while (board.listeners.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
            board.listeners.forEach(l -> l.accept(new BoardEvent(0, BoardEvent.Kind.HM, "nav: deadline missed")));
        });
        assertEquals(OrreryCli.EXIT_OK, run("monitor", "bench", "--duration", "3s"), err.toString());
        emitter.join();
        assertTrue(out.toString().startsWith("sim: running demo 1.0.0"), out.toString());
        assertTrue(out.toString().contains("1970-01-01T00:00:00Z HM nav: deadline missed"), out.toString());
    }

    /** An unsigned image carrying {@code payload} bytes: the test board takes any image, as the protocol's client needs one. */
    private Path image(String name, int payload) throws java.io.IOException {
        return Files.write(tmp.resolve(name), org.orrery.os.image.ImageWriter.write("1.1.0", "demo", 1,
                java.util.Map.of("apps/demo.jar", new byte[payload]), null, null));
    }
}
