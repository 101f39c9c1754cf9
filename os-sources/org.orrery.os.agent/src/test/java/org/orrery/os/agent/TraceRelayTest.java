// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.TraceReceiver;
import org.orrery.os.agent.client.TraceStream;
import org.orrery.os.agent.internal.wire.Message;

/**
 * The live trace over the agent's protocol against the in-memory board's scripted stream: TRACE_START brings the
 * configuration and the metadata, then every TRACE_PACKET; the client's TRACE_END stops it and the board's own
 * TRACE_END says why and how many events; a stream the board ends is an error with the board's reason; one trace
 * per session; a board that cannot stream says so.
 */
class TraceRelayTest {

    private static final byte[] ORCF = {'O', 'R', 'C', 'F', 1, 2};
    private static final String TSDL = "/* CTF 1.8 */ trace { major = 1; minor = 8; };";
    private static final List<byte[]> PACKETS = List.of(new byte[] {1}, new byte[] {2, 2}, new byte[] {3, 3, 3});

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

    private ClientIdentity monitor() throws IOException {
        return boards.user(tmp.resolve("home"), "alice", Role.MONITOR);
    }

    private AgentClient connect(ClientIdentity me) throws AgentException {
        return AgentClient.connect("bench", boards.server.address(), boards.server.fingerprint(), me);
    }

    /** Keeps what arrives, in order: "configuration", "metadata ...", "packet CORE EVENTS FIRST-BYTE". */
    private static final class Kept implements TraceReceiver {
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        volatile byte[] configuration;

        @Override
        public void configuration(byte[] orcf) {
            configuration = orcf;
            seen.add("configuration");
        }

        @Override
        public void metadata(String tsdl) {
            seen.add("metadata " + tsdl);
        }

        @Override
        public void packet(int core, long events, byte[] packet) {
            seen.add("packet " + core + " " + events + " " + packet.length);
        }

        String next() throws InterruptedException {
            return seen.poll(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theFollowerGetsTheConfigurationTheMetadataAndThePacketsThenTheEndItAskedFor() throws Exception {
        boards.board.trace = new MemoryBoard.TraceScript(ORCF, TSDL, PACKETS, null);
        Kept kept = new Kept();
        TraceStream.End end;
        try (AgentClient c = connect(monitor())) {
            TraceStream stream = c.followTrace(kept);
            assertEquals("configuration", kept.next());
            assertArrayEquals(ORCF, kept.configuration);
            assertEquals("metadata " + TSDL, kept.next());
            assertEquals("packet 0 1 1", kept.next());
            assertEquals("packet 1 1 2", kept.next());
            assertEquals("packet 0 1 3", kept.next());
            stream.stop();
            end = stream.await(Duration.ofSeconds(5));
        }
        assertEquals(new TraceStream.End("stopped by the client", false, 3, 0), end);
        boards.awaitLogLine(l -> l.endsWith(" TRACE_START -> following the trace"));
        boards.awaitLogLine(l -> l.endsWith(" TRACE_START -> ended: stopped by the client; 3 events relayed, 0 discarded"));
    }

    @Test
    void aStreamTheBoardEndsIsAnErrorWithTheBoardsReason() throws Exception {
        boards.board.trace = new MemoryBoard.TraceScript(new byte[0], TSDL, PACKETS.subList(0, 1),
                "the board process ended (exit 3)");
        Kept kept = new Kept();
        try (AgentClient c = connect(monitor())) {
            TraceStream stream = c.followTrace(kept);
            assertEquals(new TraceStream.End("the board process ended (exit 3)", true, 1, 0),
                    stream.await(Duration.ofSeconds(5)));
        }
        assertEquals("metadata " + TSDL, kept.next(), "no configuration: the board wrote none");
        assertEquals("packet 0 1 1", kept.next());
    }

    @Test
    void aSecondTraceStartOnTheSameSessionIsRefusedAsBusy() throws Exception {
        boards.board.trace = new MemoryBoard.TraceScript(ORCF, TSDL, List.of(), null);
        try (RawSession s = RawSession.hello(boards.server, monitor())) {
            Message start = new Message.TraceStart(new byte[0], new byte[0]);
            assertEquals(new Message.TraceStart(TSDL.getBytes(StandardCharsets.UTF_8), ORCF), s.request(start));
            assertEquals(new Message.Error("busy", "this session already follows the trace"), s.request(start));
            // the first stream still runs, and stops when asked
            assertEquals(new Message.TraceEnd("stopped by the client", false, 0, 0),
                    s.request(new Message.TraceEnd("stopped by the client", false, 0, 0)));
        }
    }

    @Test
    void aBoardThatCannotStreamItsTraceSaysSo() throws Exception {
        try (AgentClient c = connect(monitor())) {
            AgentException e = assertThrows(AgentException.class, () -> c.followTrace(new Kept()));
            assertEquals("unsupported", e.code());
            assertEquals("board bench refused TRACE_START (unsupported): this board cannot stream its trace",
                    e.getMessage());
            assertEquals("sim", c.status().board(), "the session goes on");
        }
    }
}
