// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.internal.server.Connection;
import org.orrery.os.agent.internal.tls.PinnedTrust;
import org.orrery.os.agent.internal.tls.Tls;
import org.orrery.os.agent.internal.wire.FrameCodec;
import org.orrery.os.agent.internal.wire.Message;

/**
 * An authenticated session that sends whatever frames a test gives it, in any order, and reads the board's replies
 * one by one: for the requests {@link org.orrery.os.agent.client.AgentClient} never sends (out of order, twice, a
 * server's message, a malformed frame).
 */
final class RawSession implements AutoCloseable {

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawSession(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connected and through the TLS handshake as {@code me}; nothing sent yet. */
    static RawSession open(AgentServer server, ClientIdentity me) throws Exception {
        SSLContext ctx = Tls.context(me.identity().privateKey(), me.identity().certificate(),
                new PinnedTrust((fp, s) -> { }));
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.address().getPort());
        s.setSoTimeout(10_000);
        s.startHandshake();
        return new RawSession(s);
    }

    /** As {@link #open}, then HELLO answered by WELCOME. */
    static RawSession hello(AgentServer server, ClientIdentity me) throws Exception {
        RawSession r = open(server, me);
        Message welcome = r.request(new Message.Hello(Connection.MAJOR, Connection.MINOR, "raw"));
        if (!(welcome instanceof Message.Welcome)) {
            r.close();
            throw new AssertionError("HELLO answered with " + welcome);
        }
        return r;
    }

    void send(Message m) throws IOException {
        FrameCodec.write(out, m);
        out.flush();
    }

    /** Bytes as they are, a frame or not. */
    void sendBytes(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** The board's next message; null when it closed the session. */
    Message read() throws IOException {
        return FrameCodec.read(in);
    }

    Message request(Message m) throws IOException {
        send(m);
        return read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
