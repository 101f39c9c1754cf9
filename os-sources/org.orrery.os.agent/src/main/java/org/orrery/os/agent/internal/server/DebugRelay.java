// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.orrery.os.agent.AuditLog;
import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.internal.wire.FrameCodec;
import org.orrery.os.agent.internal.wire.Message;

/**
 * One session's debug tunnel: JDWP bytes between the client's DEBUG_DATA frames and the board's channel to the
 * partition JVM. Board to client runs on a thread of its own that blocks only on this session's socket, so a slow
 * debugger (or a partition frozen outside its windows) holds up its own tunnel and nothing else: every session has
 * its own connection, thread and output lock. Client to board is written by the session's reader, which blocks only
 * that session's further requests. Frames carry at most {@link FrameCodec#MAX_DEBUG_DATA} bytes.
 */
final class DebugRelay {

    interface Sender {
        void send(Message m) throws IOException;
    }

    private final DebugSessions sessions;
    private final BoardControl board;
    private final AuditLog log;
    private final String who;
    private final Sender sender;
    private final AtomicBoolean closed = new AtomicBoolean();
    private String partition;
    private ByteChannel channel;
    private volatile long up;
    private volatile long down;

    DebugRelay(DebugSessions sessions, BoardControl board, AuditLog log, String who, Sender sender) {
        this.sessions = sessions;
        this.board = board;
        this.log = log;
        this.who = who;
        this.sender = sender;
    }

    boolean opened() {
        return channel != null;
    }

    /** Claims the partition, opens the board's channel, answers DEBUG_OPEN and starts relaying to the client. */
    void open(String partition) throws Refusal, IOException {
        sessions.claim(partition, who);
        try {
            channel = board.openDebug(partition);
        } catch (Refusal | RuntimeException e) {
            sessions.release(partition, who);
            throw e;
        }
        this.partition = partition;
        sender.send(new Message.DebugOpen(partition));
        Thread.ofVirtual().name("orrery-agent-debug-" + partition).start(this::toClient);
    }

    /** Client bytes for the partition; after the tunnel ended they are dropped (they crossed the close). */
    void data(byte[] bytes) {
        if (closed.get()) {
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            up += bytes.length;
        } catch (IOException e) {
            end("the partition's debug connection failed: " + e.getMessage(), true);
        }
    }

    private void toClient() {
        ByteBuffer buf = ByteBuffer.allocate(FrameCodec.MAX_DEBUG_DATA);
        try {
            while (channel.read(buf) >= 0) {
                if (buf.position() > 0) {
                    // counted before the send: once the client has the bytes it may close, and the close's audit
                    // line (written by the session's reader) must already include them
                    down += buf.position();
                    sender.send(new Message.DebugData(Arrays.copyOf(buf.array(), buf.position())));
                    buf.clear();
                }
            }
            end("the partition's JVM closed its debug connection (it ended or restarted)", true);
        } catch (IOException e) {
            end(closed.get() ? "" : "the partition's debug connection failed: " + e.getMessage(), true);
        }
    }

    /** The client closed the tunnel (DEBUG_CLOSE) or its session ended. */
    void closeByClient(String reason) {
        end("closed by the client: " + reason, false);
    }

    private void end(String why, boolean tellClient) {
        if (channel == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
        sessions.release(partition, who);
        log.record(who, "DEBUG_CLOSE " + partition, why + " (" + up + " bytes to the partition, " + down + " from it)");
        if (tellClient) {
            try {
                sender.send(new Message.DebugClose(why));
            } catch (IOException e) {
                // the client is gone already
            }
        }
    }
}
