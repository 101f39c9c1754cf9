// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.orrery.os.agent.AuditLog;
import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.TrustedClients;
import org.orrery.os.agent.internal.wire.FrameCodec;
import org.orrery.os.agent.internal.wire.Message;
import org.orrery.os.agent.internal.wire.ProtocolException;

/**
 * One authenticated client's session: HELLO first, then requests, each checked against the client's roles before
 * the board sees it. Replies and subscribed events share the output under one lock.
 */
public final class Connection implements Runnable {

    /** 2: images are named by their own digest, not the file's hash; INSTALL carries the wait for the verdict. */
    public static final int MAJOR = 2;
    public static final int MINOR = 0;

    private final SSLSocket socket;
    private final TrustedClients.Client client;
    private final BoardControl board;
    private final AuditLog log;
    private final String boardName;
    private final String fingerprint;
    private final String who;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private TraceRelay trace;
    private EventOutbox events;
    private OutputStream out;
    private long chunkBytes;
    private int chunks;
    /** Chunk acknowledgements written but not flushed (guarded by the socket's lock, as the output is). */
    private boolean acksPending;
    /** The upload this session last began and where the board held it then: chunks below are already there. */
    private String begunSha;
    private long begunAt;

    private final DebugRelay debug;

    /** @param debugSessions the server's record of which client debugs which partition */
    public Connection(SSLSocket socket, TrustedClients.Client client, BoardControl board, AuditLog log,
            String boardName, String fingerprint, DebugSessions debugSessions) {
        this.socket = socket;
        this.client = client;
        this.board = board;
        this.log = log;
        this.boardName = boardName;
        this.fingerprint = fingerprint;
        this.who = client.name() + "(" + client.fingerprint() + ")@" + socket.getInetAddress().getHostAddress();
        this.debug = new DebugRelay(debugSessions, board, log, who, this::send);
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(0);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            try {
                serve(in);
            } catch (ProtocolException e) {
                // inside the socket's try: its close would come before an outer catch, and the ERROR with it
                log.record(who, "frame", "protocol error: " + e.getMessage() + "; connection closed");
                sendQuietly(new Message.Error("protocol", e.getMessage()));
            }
        } catch (SocketException e) {
            // The client went away (closed, cut, cancelled): nothing to answer.
        } catch (IOException e) {
            log.record(who, "connection", "ended: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            debug.closeByClient("its session ended");
            for (AutoCloseable s : subscriptions) {
                try {
                    s.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
            if (chunks > 0) {
                log.record(who, "CHUNK x" + chunks, "stored " + chunkBytes + " bytes");
            }
        }
    }

    private void serve(InputStream in) throws IOException, InterruptedException {
        if (!hello(FrameCodec.read(in))) {
            return;
        }
        Message m;
        while ((m = FrameCodec.read(in)) != null) {
            handle(m);
            if (in.available() == 0) {
                flushAcks(); // nothing more to read now: the client may be waiting for them
            }
        }
    }

    private boolean hello(Message first) throws IOException {
        if (first == null) {
            // A client that only checks the board's key (first contact) leaves after the handshake.
            log.record(who, "handshake", "closed without a request");
            return false;
        }
        if (!(first instanceof Message.Hello h)) {
            throw new ProtocolException("expected HELLO first, got " + FrameCodec.typeOf(first));
        }
        if (h.major() != MAJOR) {
            log.record(who, Message.describe(h), "refused: protocol version " + h.major() + " (board speaks " + MAJOR + ")");
            send(new Message.Error("version", "board " + boardName + " speaks protocol " + MAJOR + "." + MINOR
                    + ", not " + h.major() + "." + h.minor()));
            return false;
        }
        log.record(who, Message.describe(h) + " client " + h.client(), "welcome");
        send(new Message.Welcome(MAJOR, MINOR, boardName, board.status().board(), fingerprint));
        return true;
    }

    private void handle(Message m) throws IOException, InterruptedException {
        Role needed = switch (m) {
            case Message.Status s -> Role.MONITOR;
            case Message.Subscribe s -> Role.MONITOR;
            case Message.UploadBegin u -> Role.FLASH;
            case Message.Chunk c -> Role.FLASH;
            case Message.Install i -> Role.FLASH;
            case Message.Await a -> Role.FLASH;
            case Message.TraceStart t -> Role.MONITOR;
            case Message.TraceEnd t -> Role.MONITOR;
            case Message.DebugOpen d -> Role.DEBUG;
            case Message.DebugData d -> Role.DEBUG;
            case Message.DebugClose d -> Role.DEBUG;
            case Message.Control c -> Role.OPERATE;
            default -> throw new ProtocolException("a client may not send " + FrameCodec.typeOf(m));
        };
        if (m instanceof Message.DebugData d && debug.opened() && client.roles().contains(needed)) {
            debug.data(d.data()); // the bulk of a tunnel: neither described nor logged one by one
            return;
        }
        if (m instanceof Message.Chunk c && client.roles().contains(needed)) {
            chunk(c); // the bulk of an upload: described only when refused
            return;
        }
        String request = Message.describe(m);
        if (!client.roles().contains(needed)) {
            String why = "client " + client.name() + " lacks the role '" + needed.label() + "' needed for "
                    + FrameCodec.typeOf(m) + " on board " + boardName;
            log.record(who, request, "refused unauthorised: needs role " + needed.label());
            send(new Message.Error("unauthorised", why));
            return;
        }
        try {
            switch (m) {
                case Message.Status s -> {
                    send(new Message.StatusReply(board.status()));
                    log.record(who, request, "ok");
                }
                case Message.Subscribe s -> {
                    if (events != null) {
                        // each subscription costs the board a listener and the session a queue: one is all a client needs
                        throw new Refusal("busy", "this session is subscribed already");
                    }
                    // The reply (the status now) goes out before any event: hold the output while subscribing.
                    var now = board.status();
                    synchronized (socket) {
                        events = new EventOutbox(client.name(), this::send, this::fellBehind);
                        subscriptions.add(board.subscribe(events::offer));
                        subscriptions.add(events);
                        send(new Message.StatusReply(now));
                    }
                    log.record(who, request, "subscribed");
                }
                case Message.UploadBegin u -> {
                    begunSha = null;
                    long offset = board.beginUpload(u.sha256(), u.size());
                    begunSha = u.sha256();
                    begunAt = offset;
                    log.record(who, request, "ok, continue at " + offset);
                    // at once, though the first chunk follows: the client sends the next ones when it knows
                    send(new Message.UploadOffset(u.sha256(), offset));
                }
                case Message.Install i -> {
                    var slot = board.install(i.sha256(), i.allowDowngrade(), who);
                    log.record(who, request, "installed in slot " + slot.name() + " (" + slot.state() + ")");
                    send(new Message.Installed(slot));
                    if (i.awaitMillis() > 0) {
                        var asAwait = new Message.Await(i.sha256(), i.awaitMillis());
                        await(asAwait.sha256(), asAwait.timeoutMillis(), Message.describe(asAwait));
                    }
                }
                case Message.Await a -> await(a.sha256(), a.timeoutMillis(), request);
                case Message.TraceStart t -> {
                    if (trace == null) {
                        trace = new TraceRelay(board, this::send, log, who);
                        subscriptions.add(trace::close);
                    }
                    // the board sends the metadata (the reply) and the packets from its relay thread
                    trace.start();
                    log.record(who, request, "following the trace");
                }
                case Message.TraceEnd t -> {
                    if (trace == null) {
                        throw new Refusal("bad-request", "this session follows no trace");
                    }
                    trace.stop();
                }
                case Message.DebugOpen d -> {
                    if (debug.opened()) {
                        throw new Refusal("bad-request", "this session has had its debug tunnel; open another session");
                    }
                    debug.open(d.partition());
                    log.record(who, request, "opened");
                }
                case Message.DebugData d -> throw new ProtocolException("DEBUG_DATA before DEBUG_OPEN");
                case Message.DebugClose d -> {
                    if (!debug.opened()) {
                        throw new ProtocolException("DEBUG_CLOSE before DEBUG_OPEN");
                    }
                    debug.closeByClient(d.reason());
                }
                case Message.Control c -> {
                    String done = board.control(c.action(), c.target(), who);
                    log.record(who, request, "done: " + done);
                    send(new Message.ControlDone(done));
                }
                default -> throw new IllegalStateException("unreachable: roles cover every request");
            }
        } catch (Refusal r) {
            log.record(who, request, "refused " + r.code() + ": " + r.getMessage());
            send(new Message.Error(r.code(), r.getMessage()));
        }
    }

    private void await(String sha256, long millis, String request) throws IOException, InterruptedException {
        var verdict = board.awaitVerdict(sha256, Duration.ofMillis(millis));
        log.record(who, request, verdict.outcome() + (verdict.reason() == null ? "" : ": " + verdict.reason()));
        send(new Message.VerdictReply(verdict));
    }

    /**
     * Stores a chunk; its acknowledgement waits in the output buffer until the input runs dry or another reply
     * flushes, so a burst of chunks costs one TLS record and one write of acknowledgements, not one each.
     */
    private void chunk(Message.Chunk c) throws IOException {
        if (c.sha256().equals(begunSha) && c.offset() < begunAt) {
            // Sent behind UPLOAD_BEGIN before the client knew the board resumes: keep only what is new.
            long end = c.offset() + c.data().length;
            if (end <= begunAt) {
                ack(begunAt);
                return;
            }
            byte[] rest = java.util.Arrays.copyOfRange(c.data(), (int) (begunAt - c.offset()), c.data().length);
            c = new Message.Chunk(c.sha256(), begunAt, rest);
        }
        try {
            board.writeChunk(c.sha256(), c.offset(), c.data());
        } catch (Refusal r) {
            log.record(who, Message.describe(c), "refused " + r.code() + ": " + r.getMessage());
            send(new Message.Error(r.code(), r.getMessage()));
            return;
        }
        chunks++;
        chunkBytes += c.data().length;
        ack(c.offset() + c.data().length);
    }

    private void ack(long end) throws IOException {
        synchronized (socket) {
            FrameCodec.write(out, new Message.ChunkAck(end));
            acksPending = true;
        }
    }

    private void flushAcks() throws IOException {
        synchronized (socket) {
            if (acksPending) {
                out.flush();
                acksPending = false;
            }
        }
    }

    /**
     * On the board's thread: the client left {@link EventOutbox#CAPACITY} events unread. Its session ends without
     * waiting for it: a TLS close would wait for the output the stalled writer holds, so the connection is reset.
     */
    private void fellBehind() {
        log.record(who, "SUBSCRIBE", "ended: " + EventOutbox.CAPACITY + " events not read; session closed");
        Thread.ofPlatform().daemon().name("orrery-agent-reset").start(() -> { // may wait on the TLS lock: see EventOutbox
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // gone already
            }
        });
    }

    private void send(Message m) throws IOException {
        synchronized (socket) {
            FrameCodec.write(out, m);
            out.flush();
            acksPending = false;
        }
    }

    private void sendQuietly(Message m) {
        try {
            send(m);
        } catch (IOException | RuntimeException e) {
            // The peer is gone; the read loop ends the session.
        }
    }
}
