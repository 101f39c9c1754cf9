// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.DebugTunnel;
import org.orrery.os.agent.internal.wire.Message;

/**
 * The debug tunnel over real TLS on loopback. The partition end is a real TCP peer on loopback: {@code echo}
 * returns what it gets (as a JDWP agent answers), {@code flood} sends without end (a debugger that stops reading
 * meets this), {@code restarting} hangs up at once (a partition JVM that ends). Roles, one session per partition,
 * the audit lines, frames larger than one DEBUG_DATA, a stalled tunnel that must not hold up other sessions, and
 * each end's DEBUG_CLOSE with its reason.
 */
class DebugTunnelTest {

    @TempDir
    Path tmp;

    private final MemoryBoard memory = new MemoryBoard();
    private ServerSocketChannel echo;
    private ServerSocketChannel flood;
    private ServerSocketChannel hangUp;
    private AgentServer server;
    private Path dir;

    @BeforeEach
    void start() throws IOException {
        echo = peer(DebugTunnelTest::echo);
        flood = peer(DebugTunnelTest::flood);
        hangUp = peer(DebugTunnelTest::hangUp);
        dir = tmp.resolve("board");
        server = Agent.start(dir, new InetSocketAddress("127.0.0.1", 0), new PartitionsBoard(),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        echo.close();
        flood.close();
        hangUp.close();
    }

    @Test
    void bytesCrossTheTunnelBothWaysInFramesAndTheAuditLogHasTheOpenAndTheClose() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG);
        byte[] sent = new byte[300_000]; // more than four DEBUG_DATA frames
        new Random(14).nextBytes(sent);
        try (DebugTunnel t = connect(alice).openDebug("echo")) {
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    t.write(sent, 0, sent.length);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (got.size() < sent.length) {
                got.write(t.read());
            }
            writer.join();
            assertArrayEquals(sent, got.toByteArray());
        }
        String open = awaitLog("DEBUG_OPEN echo");
        assertTrue(open.contains("alice(") && open.endsWith("opened"), open);
        String close = awaitLog("DEBUG_CLOSE echo");
        assertTrue(close.contains("300000 bytes to the partition, 300000 from it"), close);
    }

    @Test
    void oneSessionPerPartitionTheSecondIsToldWhoHoldsIt() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG);
        ClientIdentity bob = user("bob", Role.DEBUG, Role.MONITOR);
        try (DebugTunnel first = connect(alice).openDebug("echo")) {
            AgentException e = assertThrows(AgentException.class, () -> connect(bob).openDebug("echo"));
            assertEquals("busy", e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("being debugged by alice(" + alice.fingerprint()), e.getMessage());
        }
        awaitLog("DEBUG_CLOSE echo");
        try (DebugTunnel again = connect(bob).openDebug("echo")) {
            again.write(new byte[] {7}, 0, 1);
            assertArrayEquals(new byte[] {7}, again.read());
        }
    }

    @Test
    void aKeyWithoutTheDebugRoleIsRefusedNamingTheRole() throws Exception {
        ClientIdentity watcher = user("watcher", Role.MONITOR);
        AgentException e = assertThrows(AgentException.class, () -> connect(watcher).openDebug("echo"));
        assertEquals("unauthorised", e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("lacks the role 'debug'"), e.getMessage());
        assertTrue(awaitLog("DEBUG_OPEN echo").contains("refused unauthorised: needs role debug"));
    }

    @Test
    void aDebuggerThatStopsReadingHoldsUpOnlyItsOwnTunnel() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG, Role.MONITOR);
        try (DebugTunnel stalled = connect(alice).openDebug("flood")) {
            // nobody reads `stalled`: the board's side fills the socket buffers and its relay blocks on them
            Thread.sleep(300);
            long t0 = System.nanoTime();
            try (AgentClient other = connect(alice); DebugTunnel t = connect(alice).openDebug("echo")) {
                assertEquals(memory.status().board(), other.status().board()); // a reply on another session
                t.write(new byte[] {1, 2, 3}, 0, 3);
                assertArrayEquals(new byte[] {1, 2, 3}, t.read());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, "other sessions went on within " + ms + " ms");
            assertTrue(stalled.read().length > 0, "the stalled tunnel still delivers when read");
        }
    }

    @Test
    void aPartitionThatEndsItsDebugConnectionEndsTheTunnelWithTheBoardsReason() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG);
        try (DebugTunnel t = connect(alice).openDebug("restarting")) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(t.read(), "the tunnel ended"));
            assertEquals("the partition's JVM closed its debug connection (it ended or restarted)", t.endedBecause());
        }
        String close = awaitLog("DEBUG_CLOSE restarting");
        assertTrue(close.endsWith("-> the partition's JVM closed its debug connection (it ended or restarted) "
                + "(0 bytes to the partition, 0 from it)"), close);
        // the partition is free again for the next debugger
        try (DebugTunnel again = connect(alice).openDebug("restarting")) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(again.read()));
        }
    }

    @Test
    void theClientsCloseEndsTheTunnelWithTheClientsReason() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG);
        try (DebugTunnel t = connect(alice).openDebug("echo")) {
            t.write(new byte[] {9}, 0, 1);
            assertArrayEquals(new byte[] {9}, t.read());
            t.close("the debugger detached");
        }
        String close = awaitLog("DEBUG_CLOSE echo");
        assertTrue(close.endsWith("-> closed by the client: the debugger detached (1 bytes to the partition, 1 from it)"),
                close);
    }

    @Test
    void aSecondDebugOpenOnTheSameSessionIsRefused() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG);
        try (RawSession s = RawSession.hello(server, alice)) {
            assertEquals(new Message.DebugOpen("echo"), s.request(new Message.DebugOpen("echo")));
            assertEquals(new Message.Error("bad-request", "this session has had its debug tunnel; open another session"),
                    s.request(new Message.DebugOpen("flood")));
            // the open tunnel is untouched
            assertEquals(new Message.DebugData(new byte[] {4}), s.request(new Message.DebugData(new byte[] {4})));
        }
    }

    @Test
    void aBoardThatCannotDebugSaysSo() throws Exception {
        ClientIdentity alice = user("alice", Role.DEBUG);
        server.close();
        server = Agent.start(dir, new InetSocketAddress("127.0.0.1", 0), memory,
                new PrintStream(OutputStream.nullOutputStream()));
        AgentException e = assertThrows(AgentException.class, () -> connect(alice).openDebug("echo"));
        assertEquals("unsupported", e.code());
        assertTrue(e.getMessage().endsWith("this board cannot open a debug tunnel"), e.getMessage());
    }

    private ClientIdentity user(String name, Role... roles) throws IOException {
        ClientIdentity me = ClientIdentity.loadOrCreate(tmp.resolve(name));
        Agent.authorize(dir, me.fingerprint(), java.util.Set.of(roles), name);
        return me;
    }

    private AgentClient connect(ClientIdentity me) throws AgentException {
        return AgentClient.connect("bench", server.address(), server.fingerprint(), me);
    }

    private String awaitLog(String request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Path f = dir.resolve(Agent.LOG_FILE);
            if (java.nio.file.Files.exists(f)) {
                for (String l : java.nio.file.Files.readAllLines(f)) {
                    if (l.contains(" " + request + " ")) {
                        return l;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no audit line for " + request);
    }

    /** A loopback peer serving each connection with {@code serve} on a thread of its own. */
    private static ServerSocketChannel peer(Consumer<SocketChannel> serve) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofPlatform().daemon().start(() -> {
            while (s.isOpen()) {
                try {
                    SocketChannel c = s.accept();
                    Thread.ofPlatform().daemon().start(() -> serve.accept(c));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return s;
    }

    private static void echo(SocketChannel c) {
        ByteBuffer b = ByteBuffer.allocate(8192);
        try (c) {
            while (c.read(b) >= 0) {
                b.flip();
                while (b.hasRemaining()) {
                    c.write(b);
                }
                b.clear();
            }
        } catch (IOException e) {
            // the tunnel closed
        }
    }

    /** A partition JVM that ends (or restarts) as soon as a debugger reaches it. */
    private static void hangUp(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    private static void flood(SocketChannel c) {
        ByteBuffer b = ByteBuffer.allocate(65536);
        try (c) {
            while (true) {
                b.clear();
                c.write(b);
            }
        } catch (IOException e) {
            // the tunnel closed
        }
    }

    /** The in-memory board, plus partitions {@code echo} and {@code flood} whose debugger ends are the peers above. */
    private final class PartitionsBoard implements BoardControl {
        @Override
        public ByteChannel openDebug(String partition) throws Refusal {
            ServerSocketChannel to = switch (partition) {
                case "echo" -> echo;
                case "flood" -> flood;
                case "restarting" -> hangUp;
                default -> throw new Refusal("no-partition", "no partition " + partition);
            };
            try {
                return SocketChannel.open(to.getLocalAddress());
            } catch (IOException e) {
                throw new Refusal("io", e.getMessage());
            }
        }

        @Override
        public BoardStatus status() {
            return memory.status();
        }

        @Override
        public long beginUpload(String sha256, long size) throws Refusal {
            return memory.beginUpload(sha256, size);
        }

        @Override
        public void writeChunk(String sha256, long offset, byte[] data) throws Refusal {
            memory.writeChunk(sha256, offset, data);
        }

        @Override
        public SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal {
            return memory.install(sha256, allowDowngrade, requestedBy);
        }

        @Override
        public Verdict awaitVerdict(String sha256, Duration timeout) throws InterruptedException {
            return memory.awaitVerdict(sha256, timeout);
        }

        @Override
        public AutoCloseable subscribe(Consumer<BoardEvent> listener) {
            return memory.subscribe(listener);
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
