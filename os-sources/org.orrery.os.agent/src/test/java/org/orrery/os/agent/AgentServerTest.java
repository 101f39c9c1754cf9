// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.FlashListener;
import org.orrery.os.agent.internal.server.RefusalThrottle;
import org.orrery.os.agent.internal.server.TrustWatch;
import org.orrery.os.agent.internal.tls.PinnedTrust;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.ImageWriter;

/** The agent's server over real TLS on loopback: authentication, pinning, roles, the audit log, uploads. */
class AgentServerTest {

    @TempDir
    Path tmp;

    private TestBoards boards;

    @BeforeEach
    void start() throws IOException {
        boards = new TestBoards(tmp.resolve("board"));
    }

    @AfterEach
    void stop() {
        boards.close();
    }

    private AgentClient connect(ClientIdentity me) throws AgentException {
        return AgentClient.connect("bench", boards.server.address(), boards.server.fingerprint(), me);
    }

    /** An unsigned image carrying {@code payload} random bytes: the in-memory board checks its digest, not a signature. */
    private Path image(int payload, long seed) throws IOException {
        byte[] b = new byte[payload];
        new Random(seed).nextBytes(b);
        Path p = tmp.resolve("image-" + seed + ".oimg");
        Files.write(p, ImageWriter.write("0.1.0", "bench", 1, Map.of("apps/bench.jar", b), null, null));
        return p;
    }

    @Test
    void authorisedClientSeesTheBoardAndTheFirstContactProbeMatchesTheBoardsKey() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        assertEquals(boards.server.fingerprint(), AgentClient.probe("bench", boards.server.address(), me));
        try (AgentClient c = connect(me)) {
            assertEquals("board", c.boardName());
            assertEquals("sim", c.boardKind());
            assertEquals(2, c.status().slots().size());
        }
        String line = boards.awaitLogLine(l -> l.contains(" STATUS -> ok"));
        assertTrue(line.contains("alice(" + me.fingerprint() + ")@127.0.0.1"), line);
    }

    @Test
    void aPeerRefusedAgainAndAgainWritesABoundedNumberOfLines() throws Exception {
        // anyone who reaches the port can be refused; one line per refusal would let them fill the board's storage
        ClientIdentity stranger = boards.user(tmp.resolve("stranger"), "mallory");
        int tries = RefusalThrottle.LINES + 5;
        for (int i = 0; i < tries; i++) {
            assertThrows(AgentException.class, () -> connect(stranger).status());
        }
        boards.close(); // writes what it held back
        List<String> refused = boards.log().stream().filter(l -> l.contains("unauthenticated@127.0.0.1")).toList();
        assertEquals(RefusalThrottle.LINES, refused.stream().filter(l -> l.contains("handshake -> refused")).count(),
                String.join("\n", refused));
        assertEquals(1, refused.stream().filter(l -> l.contains("connect -> refused 5 more times")).count(),
                String.join("\n", refused));
    }

    @Test
    void unknownClientKeyIsRefusedInTheHandshakeAndLoggedWithItsFingerprint() throws Exception {
        ClientIdentity stranger = boards.user(tmp.resolve("stranger"), "mallory");
        AgentException e = assertThrows(AgentException.class, () -> connect(stranger).status());
        assertEquals("handshake", e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("board bench") && e.getMessage().contains("refused this user's key")
                || e.getMessage().contains("ended the session"), e.getMessage());
        String line = boards.awaitLogLine(l -> l.contains("handshake -> refused"));
        assertTrue(line.contains("unauthenticated@127.0.0.1") && line.contains("key " + stranger.fingerprint()), line);
        assertEquals(List.of(), boards.log().stream().filter(l -> l.contains("HELLO")).toList(),
                "an unauthenticated peer must never reach the dispatcher");
    }

    @Test
    void clientRefusesABoardWhoseKeyChanged() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        String remembered = ClientIdentity.loadOrCreate(tmp.resolve("other")).fingerprint();
        AgentException e = assertThrows(AgentException.class,
                () -> AgentClient.connect("bench", boards.server.address(), remembered, me));
        assertEquals("fingerprint-changed", e.code());
        assertEquals("board bench presented key " + boards.server.fingerprint() + ", the registry knows " + remembered
                + ": refusing (the board was reinstalled or someone is in between; `orrery boards remove bench` then add it again)",
                e.getMessage());
    }

    @Test
    void tls12OnlyClientIsRefused() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(null, new javax.net.ssl.TrustManager[] {new PinnedTrust((fp, s) -> { })}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", boards.server.address().getPort())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setSoTimeout(5_000);
            assertThrows(SSLException.class, s::startHandshake);
        }
        String line = boards.awaitLogLine(l -> l.contains("handshake -> refused"));
        assertTrue(line.contains("unauthenticated@127.0.0.1"), line);
        assertNotEquals(null, me);
    }

    @Test
    void plainTcpGarbageIsRefusedAndLogged() throws Exception {
        try (Socket s = new Socket("127.0.0.1", boards.server.address().getPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(64);
            // Either nothing or a TLS alert record (content type 21); never an HTTP answer or a protocol frame.
            assertTrue(reply.length == 0 || reply[0] == 21, "reply " + java.util.Arrays.toString(reply));
        }
        String line = boards.awaitLogLine(l -> l.contains("handshake -> refused"));
        assertTrue(line.contains("unauthenticated@127.0.0.1"), line);
    }

    @Test
    void peersStallingTheirHandshakeCannotTakeMoreThanTheSessionLimit() throws Exception {
        List<Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < AgentServer.MAX_SESSIONS; i++) {
                stalled.add(new Socket("127.0.0.1", boards.server.address().getPort()));
            }
            String line = null;
            try (Socket extra = new Socket("127.0.0.1", boards.server.address().getPort())) {
                extra.setSoTimeout(5_000);
                line = boards.awaitLogLine(l -> l.contains("connect -> refused: " + AgentServer.MAX_SESSIONS + " sessions already open"));
                assertEquals(-1, extra.getInputStream().read(), "the extra connection is closed at once");
            }
            assertTrue(line.contains("unauthenticated@127.0.0.1"), line);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
        // Once the stalled peers leave, an authorised user gets in again.
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try (AgentClient c = connect(me)) {
                assertEquals("sim", c.status().board());
                break;
            } catch (AgentException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aPeerDrippingItsHandshakeIsCutAtTheHandshakesDeadline() throws Exception {
        // Each byte comes well within the read timeout; only a bound on the whole handshake ends this peer.
        Path dir = tmp.resolve("slow-board");
        AuditLog audit = new AuditLog(dir.resolve("agent.log"));
        try (AgentServer server = AgentServer.start(Identity.loadOrCreate(dir.resolve("identity"), "slow"), "slow",
                new TrustedClients(dir.resolve("clients")), audit, new MemoryBoard(),
                new java.net.InetSocketAddress("127.0.0.1", 0), Duration.ofSeconds(1));
                Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            long start = System.nanoTime();
            AtomicLong endedAt = new AtomicLong();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    s.getInputStream().readAllBytes();
                } catch (IOException reset) {
                    // ended all the same
                }
                endedAt.set(System.nanoTime());
            });
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {22, 3, 1, 1, 44}); // a TLS handshake record of 300 bytes, sent a byte at a time
            try {
                for (int i = 0; i < 300 && reader.isAlive() && System.nanoTime() - start < 10_000_000_000L; i++) {
                    Thread.sleep(200);
                    out.write(1);
                    out.flush();
                }
            } catch (IOException closedByTheBoard) {
                // what the test waits for
            }
            reader.join(5_000);
            assertTrue(endedAt.get() != 0, "the board still holds a handshake dripping for "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            long tookMs = (endedAt.get() - start) / 1_000_000;
            assertTrue(tookMs >= 900 && tookMs < 5_000, "cut after " + tookMs + " ms");
        }
        List<String> lines = Files.readAllLines(dir.resolve("agent.log"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("unauthenticated@127.0.0.1")
                && l.endsWith("handshake -> refused: handshake not complete within 1000 ms")), lines.toString());
    }

    @Test
    void monitorOnlyKeyCannotFlashAndTheRefusalIsAudited() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "watcher", Role.MONITOR);
        Path img = image(10_000, 1);
        try (AgentClient c = connect(me)) {
            AgentException e = assertThrows(AgentException.class,
                    () -> c.flash(img, false, FlashListener.NONE, () -> false, Duration.ofSeconds(5)));
            assertEquals("unauthorised", e.code());
            assertEquals("board bench refused UPLOAD_BEGIN (unauthorised): client watcher lacks the role 'flash' "
                    + "needed for UPLOAD_BEGIN on board board", e.getMessage());
            // The session stays usable for what the key may do.
            assertEquals("sim", c.status().board());
        }
        assertTrue(boards.board.uploads.isEmpty(), "the board saw no upload");
        String line = boards.awaitLogLine(l -> l.contains("UPLOAD_BEGIN"));
        assertTrue(line.contains("watcher(" + me.fingerprint() + ")") && line.endsWith("refused unauthorised: needs role flash"), line);
    }

    @Test
    void aFileThatIsNoWholeImageIsRefusedBeforeAnyByteIsSent() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH);
        Path img = image(10_000, 5);
        Path cut = Files.write(tmp.resolve("cut.oimg"), java.util.Arrays.copyOf(Files.readAllBytes(img), 6_000));
        Path text = Files.writeString(tmp.resolve("notes.oimg"), "not an image");
        try (AgentClient c = connect(me)) {
            AgentException e = assertThrows(AgentException.class,
                    () -> c.flash(cut, false, FlashListener.NONE, () -> false, Duration.ofSeconds(5)));
            assertEquals("truncated", e.code());
            assertTrue(e.getMessage().startsWith(cut + ": image is truncated (6000 of ")
                    && e.getMessage().endsWith("; nothing was sent to board bench"), e.getMessage());
            e = assertThrows(AgentException.class,
                    () -> c.flash(text, false, FlashListener.NONE, () -> false, Duration.ofSeconds(5)));
            assertEquals("bad-request", e.code());
            assertTrue(e.getMessage().contains("not an Orrery image"), e.getMessage());
            // the session goes on: the whole image flashes
            assertEquals(Verdict.Outcome.CONFIRMED,
                    c.flash(img, false, FlashListener.NONE, () -> false, Duration.ofSeconds(5)).outcome());
        }
        assertEquals(1, boards.board.uploads.size(), "only the whole image reached the board");
    }

    @Test
    void operatorRequestsNeedTheOperateRoleAndAreAuditedWithWhoAsked() throws Exception {
        ClientIdentity watcher = boards.user(tmp.resolve("home"), "watcher", Role.MONITOR, Role.FLASH);
        try (AgentClient c = connect(watcher)) {
            AgentException e = assertThrows(AgentException.class, () -> c.control("stop", "nav"));
            assertEquals("unauthorised", e.code());
            assertEquals("board bench refused CONTROL stop nav (unauthorised): client watcher lacks the role 'operate' "
                    + "needed for CONTROL on board board", e.getMessage());
        }
        String refused = boards.awaitLogLine(l -> l.contains("CONTROL stop nav"));
        assertTrue(refused.contains("watcher(" + watcher.fingerprint() + ")")
                && refused.endsWith("refused unauthorised: needs role operate"), refused);

        ClientIdentity operator = boards.user(tmp.resolve("home2"), "olga", Role.OPERATE);
        try (AgentClient c = connect(operator)) {
            // the in-memory board keeps BoardControl's default: it cannot be operated
            AgentException e = assertThrows(AgentException.class, () -> c.control("restart", "nav"));
            assertEquals("unsupported", e.code());
            assertEquals("board bench refused CONTROL restart nav (unsupported): this board cannot start, stop or "
                    + "restart partitions or switch plans", e.getMessage());
        }
        String line = boards.awaitLogLine(l -> l.contains("CONTROL restart nav"));
        assertTrue(line.contains("olga(" + operator.fingerprint() + ")") && line.contains("refused unsupported"), line);
    }

    @Test
    void flashUploadsInstallsAndReportsTheVerdictAndRefusalsCarryTheBoardsReason() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH, Role.MONITOR);
        Path img = image(300_000, 2);
        AtomicLong last = new AtomicLong();
        try (AgentClient c = connect(me)) {
            Verdict v = c.flash(img, true, new FlashListener() {
                @Override
                public void uploaded(long done, long size) {
                    assertTrue(done > last.get() && done <= size);
                    last.set(done);
                }
            }, () -> false, Duration.ofSeconds(5));
            assertEquals(Verdict.Outcome.CONFIRMED, v.outcome());
        }
        assertEquals(Files.size(img), last.get());
        assertTrue(boards.board.lastAllowDowngrade);
        assertTrue(boards.board.lastRequester.startsWith("alice(" + me.fingerprint() + ")"), boards.board.lastRequester);
        boards.board.installRefusal = new Refusal("downgrade", "image security counter 0 is below the board's 1");
        try (AgentClient c = connect(me)) {
            AgentException e = assertThrows(AgentException.class,
                    () -> c.flash(image(1000, 3), false, FlashListener.NONE, () -> false, Duration.ofSeconds(5)));
            assertEquals("downgrade", e.code());
            assertTrue(e.getMessage().endsWith("image security counter 0 is below the board's 1"), e.getMessage());
        }
        boards.awaitLogLine(l -> l.contains("INSTALL") && l.contains("refused downgrade: image security counter 0"));
    }

    @Test
    void aRefusedUploadIsReportedWithTheBoardsReasonAndTheSessionStaysInStep() throws Exception {
        // the first chunk went out behind UPLOAD_BEGIN: the board refuses both, and the client reads both refusals
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH, Role.MONITOR);
        boards.board.beginRefusal = new Refusal("busy", "an image is on trial; flash again once it is judged");
        try (AgentClient c = connect(me)) {
            AgentException e = assertThrows(AgentException.class,
                    () -> c.flash(image(1000, 10), false, FlashListener.NONE, () -> false, Duration.ofSeconds(5)));
            assertEquals("busy", e.code());
            assertEquals("board bench refused UPLOAD_BEGIN (busy): an image is on trial; flash again once it is judged",
                    e.getMessage());
            assertEquals("sim", c.status().board(), "STATUS gets its own reply, not the chunk's refusal");
        }
        assertTrue(boards.board.uploads.isEmpty(), "nothing was stored");
        boards.awaitLogLine(l -> l.contains(" UPLOAD_BEGIN ") && l.endsWith("refused busy: an image is on trial; "
                + "flash again once it is judged"));
    }

    @Test
    void anInterruptedUploadResumesAtTheBoardsOffset() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH);
        Path img = image(40 * AgentClient.CHUNK_SIZE + 123, 4);
        long size = Files.size(img);
        AtomicInteger polls = new AtomicInteger();
        try (AgentClient c = connect(me)) {
            AgentException e = assertThrows(AgentException.class,
                    () -> c.flash(img, false, FlashListener.NONE, () -> polls.incrementAndGet() > 20, Duration.ofSeconds(5)));
            assertEquals("cancelled", e.code());
        }
        String sha = boards.board.uploads.keySet().iterator().next();
        long stored = waitForStableSize(sha);
        assertTrue(stored > 0 && stored < size, "stored " + stored);
        assertEquals(stored, flashConfirmed(me, img), "resumed where the board was");
        assertArrayEquals(Files.readAllBytes(img), boards.board.uploads.get(sha).toByteArray());
    }

    @Test
    void aResumeInsideTheFirstChunkStoresOnlyTheRestOfIt() throws Exception {
        // The first chunk goes out behind UPLOAD_BEGIN before the client knows where the board is: the session
        // keeps only the bytes the board does not hold yet.
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH);
        Path img = image(3 * AgentClient.CHUNK_SIZE, 6);
        byte[] bytes = Files.readAllBytes(img);
        String sha = ImageVerifier.declaredDigest(img);
        boards.board.beginUpload(sha, bytes.length);
        boards.board.writeChunk(sha, 0, java.util.Arrays.copyOf(bytes, 1000));
        assertEquals(1000, flashConfirmed(me, img), "resumed where the board was");
        assertArrayEquals(bytes, boards.board.uploads.get(sha).toByteArray());
        boards.awaitLogLine(l -> l.contains("CHUNK x") && l.endsWith("stored " + (bytes.length - 1000) + " bytes"));
    }

    @Test
    void closingTheClientWhileTheBoardJudgesTheTrialReturnsAtOnce() throws Exception {
        // Studio cancels a flash by closing its session from another thread, maybe while the flashing thread is
        // between reads (refreshing the Boards view after INSTALLED) and the board, judging, sends nothing: the
        // close must not wait for the board (TLS's close reads the peer's answer with the socket's read timeout).
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH);
        boards.board.judgesSlowly = true;
        AtomicLong closeMillis = new AtomicLong(-1);
        try (AgentClient c = connect(me)) {
            AgentException e = assertThrows(AgentException.class, () -> c.flash(image(1000, 7), false, new FlashListener() {
                @Override
                public void installed(SlotInfo slot) {
                    long t0 = System.nanoTime();
                    Thread closer = Thread.ofPlatform().start(c::close);
                    try {
                        closer.join();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    closeMillis.set((System.nanoTime() - t0) / 1_000_000);
                }
            }, () -> false, Duration.ofMinutes(3)));
            assertEquals("io", e.code(), e.getMessage());
        }
        assertTrue(closeMillis.get() >= 0 && closeMillis.get() < 2_000, "close took " + closeMillis.get() + " ms");
    }

    @Test
    void aVerdictStillPendingAfterInstallIsAskedForAgainWithAwait() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH);
        Path img = image(1000, 8);
        boards.board.nextVerdicts.add(new Verdict(Verdict.Outcome.PENDING, "still on trial"));
        try (AgentClient c = connect(me)) {
            Verdict v = c.flash(img, false, FlashListener.NONE, () -> false, Duration.ofSeconds(5));
            assertEquals(boards.board.verdict, v, "AWAIT brought the verdict INSTALL's wait did not have yet");
        }
        assertEquals(2, boards.board.waits.get(), "INSTALL's wait, then AWAIT's");
        String sha = ImageVerifier.declaredDigest(img);
        boards.awaitLogLine(l -> l.endsWith(" AWAIT " + sha.substring(0, 12) + " -> PENDING: still on trial"));
        boards.awaitLogLine(l -> l.endsWith(" AWAIT " + sha.substring(0, 12)
                + " -> CONFIRMED: confirmed after 3 healthy major frames"));
    }

    @Test
    void anInstallThatDoesNotWaitIsAnsweredWithInstalledAlone() throws Exception {
        // INSTALL with no wait: the board answers INSTALLED and no verdict; the client asks with AWAIT itself
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.FLASH, Role.MONITOR);
        try (AgentClient c = connect(me)) {
            Verdict v = c.flash(image(1000, 9), false, FlashListener.NONE, () -> false, Duration.ZERO);
            assertEquals(boards.board.verdict, v);
            assertEquals(1, boards.board.waits.get(), "only AWAIT waited for the verdict");
            assertEquals("sim", c.status().board(), "the session is still in step: STATUS gets its own reply");
        }
    }

    /** Flashes {@code img} to the confirmed verdict; returns the offset the upload started at. */
    private long flashConfirmed(ClientIdentity me, Path img) throws Exception {
        AtomicLong resumedAt = new AtomicLong(-1);
        try (AgentClient c = connect(me)) {
            Verdict v = c.flash(img, false, new FlashListener() {
                @Override
                public void uploadStarted(long offset, long total) {
                    resumedAt.set(offset);
                }
            }, () -> false, Duration.ofSeconds(5));
            assertEquals(Verdict.Outcome.CONFIRMED, v.outcome());
        }
        return resumedAt.get();
    }

    private long waitForStableSize(String sha) throws InterruptedException {
        long before = -1;
        long now = boards.board.uploads.get(sha).size();
        while (now != before) {
            Thread.sleep(100);
            before = now;
            now = boards.board.uploads.get(sha).size();
        }
        return now;
    }

    @Test
    void aKeyTakenOffTheBoardLosesItsOpenSessionsAndAKeyGivenMoreKeepsThem() throws Exception {
        ClientIdentity alice = boards.user(tmp.resolve("alice"), "alice", Role.MONITOR);
        ClientIdentity bob = boards.user(tmp.resolve("bob"), "bob", Role.MONITOR);
        BlockingQueue<Object> aliceEnded = new ArrayBlockingQueue<>(1);
        BlockingQueue<Object> bobEnded = new ArrayBlockingQueue<>(1);
        BlockingQueue<BoardEvent> bobEvents = new ArrayBlockingQueue<>(10);
        try (AgentClient a = connect(alice); AgentClient b = connect(bob)) {
            a.subscribe(e -> { }, e -> aliceEnded.add(e == null ? "closed" : e));
            b.subscribe(bobEvents::add, e -> bobEnded.add(e == null ? "closed" : e));
            // a live monitor would keep its session for hours: revoking the key ends it, not the next connection
            assertTrue(new TrustedClients(boards.dir.resolve(Agent.CLIENTS_FILE)).remove(alice.fingerprint()));
            Agent.authorize(boards.dir, bob.fingerprint(), java.util.Set.of(Role.MONITOR, Role.FLASH), "bob");
            // within a period or two; the bound is for a loaded test machine
            assertTrue(aliceEnded.poll(10 * TrustWatch.PERIOD.toMillis(), TimeUnit.MILLISECONDS) instanceof AgentException,
                    "alice's subscription ends with an error");
            boards.awaitLogLine(l -> l.contains("alice(" + alice.fingerprint() + ")@127.0.0.1 session -> ended: its key"
                    + " was taken off"));
            assertEquals(null, bobEnded.poll(2 * TrustWatch.PERIOD.toMillis(), TimeUnit.MILLISECONDS),
                    "bob, given a role more, keeps his session");
            BoardEvent sent = new BoardEvent(7, BoardEvent.Kind.HM, "still followed");
            boards.board.emit(sent);
            assertEquals(sent, bobEvents.poll(5, TimeUnit.SECONDS));
        }
        assertThrows(AgentException.class, () -> connect(alice).close(), "and alice is refused from now on");
    }

    @Test
    void aKeyLeftWithFewerRolesLosesItsOpenSession() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "carol", Role.MONITOR, Role.FLASH);
        try (AgentClient c = connect(me)) {
            assertEquals("sim", c.status().board());
            Agent.authorize(boards.dir, me.fingerprint(), java.util.Set.of(Role.MONITOR), "carol");
            boards.awaitLogLine(l -> l.contains("session -> ended: its roles are now monitor"));
            assertThrows(AgentException.class, c::status, "the session is gone");
        }
        try (AgentClient again = connect(me)) {
            assertEquals("sim", again.status().board(), "a new session gets the roles the key has now");
        }
    }

    @Test
    void subscriberGetsTheStatusThenTheBoardsEvents() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        BlockingQueue<BoardEvent> events = new ArrayBlockingQueue<>(10);
        try (AgentClient c = connect(me)) {
            BoardStatus now = c.subscribe(events::add, e -> { });
            assertEquals("sim", now.board());
            BoardEvent sent = new BoardEvent(42, BoardEvent.Kind.HM, "nav: deadline missed by process p1");
            boards.board.emit(sent);
            assertEquals(sent, events.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSubscriberThatStopsReadingLosesItsSessionAndNeverHoldsUpTheBoardsEvents() throws Exception {
        // A board publishes from its own thread, under its own lock: a monitor that stops reading must not stop it.
        ClientIdentity me = boards.user(tmp.resolve("home"), "idle", Role.MONITOR);
        SSLContext ctx = org.orrery.os.agent.internal.tls.Tls.context(me.identity().privateKey(),
                me.identity().certificate(), new PinnedTrust((fp, s) -> { }));
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            s.setReceiveBufferSize(8192); // fills at once, whatever the host's TCP tuning
            s.connect(boards.server.address(), 5_000);
            s.setSoTimeout(5_000);
            var out = s.getOutputStream();
            org.orrery.os.agent.internal.wire.FrameCodec.write(out,
                    new org.orrery.os.agent.internal.wire.Message.Hello(2, 0, "idle"));
            org.orrery.os.agent.internal.wire.FrameCodec.write(out, new org.orrery.os.agent.internal.wire.Message.Subscribe());
            out.flush();
            org.orrery.os.agent.internal.wire.FrameCodec.read(s.getInputStream()); // WELCOME
            org.orrery.os.agent.internal.wire.FrameCodec.read(s.getInputStream()); // the status; nothing is read after it
            String line = "x".repeat(16_000);
            Thread board = Thread.ofPlatform().daemon().start(() -> {
                for (int i = 0; i < 3_000; i++) {
                    boards.board.emit(new BoardEvent(i, BoardEvent.Kind.CONSOLE, line));
                }
            });
            board.join(20_000);
            assertTrue(!board.isAlive(), "the board's thread is held by a subscriber that does not read");
        }
        String ended = boards.awaitLogLine(l -> l.contains("SUBSCRIBE -> ended"));
        assertTrue(ended.contains("idle(" + me.fingerprint() + ")")
                && ended.endsWith(" SUBSCRIBE -> ended: 1024 events not read; session closed"), ended);
    }

    @Test
    void aSessionSubscribesOnceSoItCannotMultiplyTheBoardsListeners() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        try (RawSession s = RawSession.hello(boards.server, me)) {
            for (int i = 0; i < 3; i++) {
                s.send(new org.orrery.os.agent.internal.wire.Message.Subscribe());
            }
            assertTrue(s.read() instanceof org.orrery.os.agent.internal.wire.Message.StatusReply);
            for (int i = 0; i < 2; i++) {
                assertEquals(new org.orrery.os.agent.internal.wire.Message.Error("busy",
                        "this session is subscribed already"), s.read());
            }
            assertEquals(1, boards.board.listeners.size(), "listeners on the board");
        }
    }

    @Test
    void aNewerMajorProtocolVersionIsRefused() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
        try (RawSession s = RawSession.open(boards.server, me)) {
            assertEquals(new org.orrery.os.agent.internal.wire.Message.Error("version",
                    "board board speaks protocol 2.0, not 3.0"),
                    s.request(new org.orrery.os.agent.internal.wire.Message.Hello(3, 0, "future")));
        }
        boards.awaitLogLine(l -> l.contains("HELLO 3.0 -> refused: protocol version 3"));
    }
}
