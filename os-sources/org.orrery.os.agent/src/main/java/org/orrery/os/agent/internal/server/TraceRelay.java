// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.orrery.os.agent.AuditLog;
import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.TraceFollower;
import org.orrery.os.agent.internal.wire.Message;

/**
 * A session's live trace: TRACE_START makes the board stream to this session (metadata, then packets), TRACE_END
 * from the client stops it; the board's own TRACE_END (after the last packet) says why it ended and what was
 * missed. Packets are written from the board's relay thread under the session's output lock, so a slow client
 * only slows its own stream.
 */
final class TraceRelay {

    /** Sends one message on the session. */
    interface Sender {
        void send(Message m) throws IOException;
    }

    private final BoardControl board;
    private final Sender sender;
    private final AuditLog log;
    private final String who;
    private AutoCloseable following;

    TraceRelay(BoardControl board, Sender sender, AuditLog log, String who) {
        this.board = board;
        this.sender = sender;
        this.log = log;
        this.who = who;
    }

    synchronized void start() throws Refusal {
        if (following != null) {
            throw new Refusal("busy", "this session already follows the trace");
        }
        following = board.followTrace(new TraceFollower() {
            private byte[] configuration = new byte[0];

            @Override
            public void configuration(byte[] orcf) {
                configuration = orcf;
            }

            @Override
            public void metadata(String tsdl) throws IOException {
                sender.send(new Message.TraceStart(tsdl.getBytes(StandardCharsets.UTF_8), configuration));
            }

            @Override
            public void packet(int core, long events, byte[] packet) throws IOException {
                sender.send(new Message.TracePacket(core, events, packet));
            }

            @Override
            public void ended(String reason, boolean error, long events, long discarded) {
                forget();
                log.record(who, "TRACE_START", "ended: " + reason + "; " + events + " events relayed, " + discarded
                        + " discarded");
                try {
                    sender.send(new Message.TraceEnd(reason, error, events, discarded));
                } catch (IOException | RuntimeException e) {
                    // the client is gone
                }
            }
        });
    }

    private synchronized void forget() {
        following = null;
    }

    /** The client asked to stop; the board answers with TRACE_END once the stream has ended. */
    synchronized void stop() throws Refusal {
        if (following == null) {
            throw new Refusal("bad-request", "this session follows no trace");
        }
        close();
    }

    /** The session ends: the stream stops with it. */
    synchronized void close() {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }
}
