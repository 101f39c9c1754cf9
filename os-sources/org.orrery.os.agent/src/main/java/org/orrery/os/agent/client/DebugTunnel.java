// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.orrery.os.agent.internal.wire.FrameCodec;
import org.orrery.os.agent.internal.wire.Message;

/**
 * An open debug tunnel: JDWP bytes to and from one partition's JVM over an authenticated agent session. One thread
 * may {@link #write}, another {@link #read}; {@link #relay} does both for a local socket a debugger connected to.
 */
public final class DebugTunnel implements AutoCloseable {

    private final String board;
    private final String partition;
    private final InputStream in;
    private final OutputStream out;
    private final AgentClient session;
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private volatile String endedBecause;

    DebugTunnel(String board, String partition, InputStream in, OutputStream out, AgentClient session) {
        this.board = board;
        this.partition = partition;
        this.in = in;
        this.out = out;
        this.session = session;
    }

    public String partition() {
        return partition;
    }

    /** Why the board ended the tunnel (null while open, or when this side closed it). */
    public String endedBecause() {
        return endedBecause;
    }

    /** Sends JDWP bytes to the partition, in frames of at most 64 KiB. */
    public void write(byte[] b, int off, int len) throws IOException {
        synchronized (out) {
            for (int at = off; at < off + len; ) {
                int n = Math.min(FrameCodec.MAX_DEBUG_DATA, off + len - at);
                FrameCodec.write(out, new Message.DebugData(java.util.Arrays.copyOfRange(b, at, at + n)));
                at += n;
            }
            out.flush();
        }
    }

    /**
     * The next JDWP bytes from the partition, or null when the board ended the tunnel ({@link #endedBecause} says
     * why) or the session closed.
     */
    public byte[] read() throws IOException {
        Message m;
        try {
            m = FrameCodec.read(in);
        } catch (IOException e) {
            if (closeSent.get()) {
                return null;
            }
            throw e;
        }
        if (m == null) {
            return null;
        }
        return switch (m) {
            case Message.DebugData d -> d.data();
            case Message.DebugClose c -> {
                endedBecause = c.reason();
                yield null;
            }
            case Message.Error e -> throw new AgentException(e.code(), "board " + board + " ended the debug tunnel to "
                    + partition + " (" + e.code() + "): " + e.message());
            default -> throw new AgentException("protocol", "board " + board + " sent " + FrameCodec.typeOf(m)
                    + " inside the debug tunnel to " + partition);
        };
    }

    /**
     * Relays between a local debugger's connection and the partition until either ends; returns then (the local
     * streams are closed by the caller).
     */
    public void relay(InputStream fromDebugger, OutputStream toDebugger) throws IOException {
        Thread up = Thread.ofPlatform().daemon().name("orrery-debug-up-" + partition).start(() -> {
            byte[] buf = new byte[FrameCodec.MAX_DEBUG_DATA];
            try {
                for (int n; (n = fromDebugger.read(buf)) >= 0; ) {
                    write(buf, 0, n);
                }
            } catch (IOException e) {
                // the debugger or the session went away: closing below says so to the board
            }
            close("the debugger closed its connection");
        });
        try {
            for (byte[] b; (b = read()) != null; ) {
                toDebugger.write(b);
                toDebugger.flush();
            }
        } finally {
            close("the tunnel ended");
            try {
                up.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the tunnel with a reason the board logs, then the session. */
    public void close(String reason) {
        if (closeSent.compareAndSet(false, true)) {
            try {
                synchronized (out) {
                    FrameCodec.write(out, new Message.DebugClose(reason));
                    out.flush();
                }
            } catch (IOException e) {
                // the session is gone: nothing to tell
            }
            session.close();
        }
    }

    @Override
    public void close() {
        close("closed by the client");
    }
}
