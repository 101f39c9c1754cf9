// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.internal.wire.Message;

/**
 * What the board answers to requests out of order, to a server's message from a client, to a malformed frame and to
 * an upload's chunk the board refuses: each with the error the protocol states. A protocol error ends the session
 * (after its ERROR and an audit line); a refused request leaves it usable.
 */
class ProtocolRefusalTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

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

    private ClientIdentity user(Role... roles) throws IOException {
        return boards.user(tmp.resolve("home"), "alice", roles);
    }

    /** The board's protocol error, then the end of the session, then the audit line saying so. */
    private void assertProtocolError(RawSession s, String message) throws Exception {
        assertEquals(new Message.Error("protocol", message), s.read());
        assertNull(s.read(), "the board ends the session after a protocol error");
        boards.awaitLogLine(l -> l.endsWith(" frame -> protocol error: " + message + "; connection closed"));
    }

    @Test
    void aRequestBeforeHelloIsAProtocolError() throws Exception {
        try (RawSession s = RawSession.open(boards.server, user(Role.MONITOR))) {
            s.send(new Message.Status());
            assertProtocolError(s, "expected HELLO first, got STATUS");
        }
    }

    @Test
    void aServersMessageFromAClientIsAProtocolError() throws Exception {
        try (RawSession s = RawSession.hello(boards.server, user(Role.MONITOR, Role.FLASH, Role.DEBUG, Role.OPERATE))) {
            s.send(new Message.Welcome(2, 0, "board", "sim", "SHA256:x"));
            assertProtocolError(s, "a client may not send WELCOME");
        }
    }

    @Test
    void aFrameOfAnUnknownTypeIsAProtocolError() throws Exception {
        try (RawSession s = RawSession.hello(boards.server, user(Role.MONITOR))) {
            s.sendBytes(ByteBuffer.allocate(5).putInt(1).put((byte) 99).array());
            assertProtocolError(s, "unknown message type 99");
        }
    }

    @Test
    void debugDataBeforeTheTunnelIsOpenIsAProtocolError() throws Exception {
        try (RawSession s = RawSession.hello(boards.server, user(Role.DEBUG))) {
            s.send(new Message.DebugData(new byte[] {'J', 'D', 'W', 'P'}));
            assertProtocolError(s, "DEBUG_DATA before DEBUG_OPEN");
        }
    }

    @Test
    void debugCloseBeforeTheTunnelIsOpenIsAProtocolError() throws Exception {
        try (RawSession s = RawSession.hello(boards.server, user(Role.DEBUG))) {
            s.send(new Message.DebugClose("done"));
            assertProtocolError(s, "DEBUG_CLOSE before DEBUG_OPEN");
        }
    }

    @Test
    void stoppingATraceThisSessionDoesNotFollowIsRefusedAndTheSessionGoesOn() throws Exception {
        try (RawSession s = RawSession.hello(boards.server, user(Role.MONITOR))) {
            assertEquals(new Message.Error("bad-request", "this session follows no trace"),
                    s.request(new Message.TraceEnd("stopped by the client", false, 0, 0)));
            assertInstanceOf(Message.StatusReply.class, s.request(new Message.Status()));
        }
        boards.awaitLogLine(l -> l.endsWith(" TRACE_END -> refused bad-request: this session follows no trace"));
    }

    @Test
    void aChunkTheBoardRefusesIsAnsweredWithItsReasonAndNothingIsStored() throws Exception {
        try (RawSession s = RawSession.hello(boards.server, user(Role.FLASH))) {
            assertEquals(new Message.UploadOffset(SHA, 0), s.request(new Message.UploadBegin(SHA, 100)));
            assertEquals(new Message.Error("bad-offset", "chunk at 10 but the upload ends at 0"),
                    s.request(new Message.Chunk(SHA, 10, new byte[10])));
            assertEquals(new Message.ChunkAck(10), s.request(new Message.Chunk(SHA, 0, new byte[10])));
            // the upload is not complete: the board refuses to install it, and says why
            Message refused = s.request(new Message.Install(SHA, false, 0));
            assertEquals(new Message.Error("truncated", "upload has 10 of 100 bytes"), refused);
        }
        assertEquals(10, boards.board.uploads.get(SHA).size(), "only the accepted chunk was stored");
        String line = boards.awaitLogLine(l -> l.contains(" CHUNK 0123456789ab @10 -> "));
        assertTrue(line.endsWith("refused bad-offset: chunk at 10 but the upload ends at 0"), line);
    }
}
