// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.internal.server.Connection;
import org.orrery.os.agent.internal.tls.PinnedTrust;
import org.orrery.os.agent.internal.tls.Tls;
import org.orrery.os.agent.internal.wire.FrameCodec;
import org.orrery.os.agent.internal.wire.Message;
import org.orrery.os.agent.internal.wire.ProtocolException;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;

/**
 * One authenticated session with a board agent, shared by the CLI and Studio. The board must present exactly
 * the key the caller pins (the registry remembers it); the user authenticates with their {@link ClientIdentity}.
 * Not thread-safe: one request at a time, except that {@link #subscribe} hands the session to a reader thread.
 */
public final class AgentClient implements AutoCloseable {

    /**
     * Image bytes per CHUNK frame: large, so the per-frame work (header, acknowledgement, progress) is small
     * beside the bytes, yet half the board's limit ({@code FrameCodec.MAX_CHUNK}).
     */
    public static final int CHUNK_SIZE = 256 * 1024;
    /** Chunks sent ahead of their acknowledgements (1 MiB): enough to keep loopback and LAN links busy. */
    public static final int WINDOW = 4;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    /**
     * How long closing waits for the board's answer to its close_notify. Java's TLS socket reads that answer with
     * the socket's read timeout when no thread is reading; a board busy with a request (judging a trial) sends
     * nothing, and a cancel must not wait a minute for it.
     */
    private static final int CLOSE_WAIT_MS = 200;
    /** {@link AgentException} codes of this side's own failures, as opposed to a board's refusal. */
    private static final java.util.Set<String> CLIENT_SIDE = java.util.Set.of("io", "handshake", "protocol");

    private final String board;
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String fingerprint;
    private final Message.Welcome welcome;
    /** Set by {@link #close}: the event reader then ends quietly instead of reporting a lost board. */
    private volatile boolean closing;
    /** Orders read-timeout changes with {@link #close}, which may come from another thread (a cancel). */
    private final Object timeouts = new Object();

    private AgentClient(String board, SSLSocket socket, String fingerprint) throws IOException {
        this.board = board;
        this.socket = socket;
        this.fingerprint = fingerprint;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 18);
        FrameCodec.write(out, new Message.Hello(Connection.MAJOR, Connection.MINOR, clientName()));
        out.flush();
        this.welcome = expect(Message.Welcome.class, "HELLO");
    }

    private static String clientName() {
        return "orrery " + System.getProperty("user.name", "user");
    }

    /**
     * Connects to the board and checks its key.
     *
     * @param board the board's name in the registry, for messages
     * @param pinned the fingerprint the board must present
     */
    public static AgentClient connect(String board, InetSocketAddress address, String pinned, ClientIdentity me)
            throws AgentException {
        return connect(board, address, pinned, me, Duration.ofMillis(CONNECT_TIMEOUT_MS));
    }

    /** As {@link #connect(String, InetSocketAddress, String, ClientIdentity)}, giving up on TCP after {@code connectTimeout}. */
    public static AgentClient connect(String board, InetSocketAddress address, String pinned, ClientIdentity me,
            Duration connectTimeout) throws AgentException {
        if (pinned == null) {
            throw new IllegalArgumentException("a pinned fingerprint is required; use probe() on first contact");
        }
        AtomicReference<String> presented = new AtomicReference<>();
        SSLSocket s = open(board, address, pinned, me, presented, connectTimeout);
        try {
            return new AgentClient(board, s, presented.get());
        } catch (AgentException e) {
            closeQuietly(s);
            throw e;
        } catch (IOException e) {
            closeQuietly(s);
            throw failure(board, address, pinned, presented.get(), e);
        }
    }

    /**
     * First contact: the fingerprint of the key the board at {@code address} presents, without trusting it
     * (the caller shows it and asks before remembering it).
     */
    public static String probe(String board, InetSocketAddress address, ClientIdentity me) throws AgentException {
        AtomicReference<String> presented = new AtomicReference<>();
        try {
            closeQuietly(open(board, address, null, me, presented, Duration.ofMillis(CONNECT_TIMEOUT_MS)));
        } catch (AgentException e) {
            // The board shows its key before it judges ours; when it refuses ours, TLS 1.3 lets that refusal reach
            // this side during or after the handshake depending on timing. The key it showed is the answer either way.
            if (presented.get() == null) {
                throw e;
            }
        }
        return presented.get();
    }

    private static SSLSocket open(String board, InetSocketAddress address, String pinned, ClientIdentity me,
            AtomicReference<String> presented, Duration connectTimeout) throws AgentException {
        if (address.isUnresolved()) {
            // the registry keeps names as written; a name is looked up at each contact (DHCP, DNS changes)
            address = new InetSocketAddress(address.getHostString(), address.getPort());
        }
        SSLSocket s = null;
        try {
            SSLContext ctx = Tls.context(me.identity().privateKey(), me.identity().certificate(),
                    new PinnedTrust((fp, sock) -> {
                        presented.set(fp);
                        if (pinned != null && !pinned.equals(fp)) {
                            throw new CertificateException("board key " + fp + " is not the pinned " + pinned);
                        }
                    }));
            s = (SSLSocket) ctx.getSocketFactory().createSocket();
            s.setSSLParameters(Tls.parameters(ctx, false));
            s.setTcpNoDelay(true);
            s.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.startHandshake();
            return s;
        } catch (GeneralSecurityException e) {
            throw new AgentException("handshake", "cannot set up TLS 1.3 for board " + board + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(s);
            throw failure(board, address, pinned, presented.get(), e);
        }
    }

    private static AgentException failure(String board, InetSocketAddress address, String pinned, String presented,
            IOException e) {
        String where = address.getHostString() + ":" + address.getPort();
        if (pinned != null && presented != null && !pinned.equals(presented)) {
            return new AgentException("fingerprint-changed", "board " + board + " presented key " + presented
                    + ", the registry knows " + pinned + ": refusing (the board was reinstalled or someone is in between; `orrery boards remove "
                    + board + "` then add it again)", e);
        }
        if (e instanceof ConnectException || e instanceof java.net.UnknownHostException
                || e instanceof SocketTimeoutException && presented == null) {
            return new AgentException("unreachable", "board " + board + " at " + where + " is unreachable: "
                    + e.getMessage(), e);
        }
        if (e instanceof AgentException a) {
            return a;
        }
        if (e instanceof SSLException || e instanceof SocketException) {
            return new AgentException("handshake", "board " + board + " at " + where
                    + " refused this user's key (authorise `orrery boards whoami`'s fingerprint on the board): "
                    + e.getMessage(), e);
        }
        return new AgentException("protocol", "board " + board + " at " + where + ": " + e.getMessage(), e);
    }

    public String boardName() {
        return welcome.board();
    }

    public String boardKind() {
        return welcome.kind();
    }

    /** The fingerprint the board presented (equal to the pinned one). */
    public String fingerprint() {
        return fingerprint;
    }

    public BoardStatus status() throws AgentException {
        send(new Message.Status());
        return expect(Message.StatusReply.class, "STATUS").status();
    }

    /**
     * Asks the board to start, stop or restart a partition or switch plan ({@code action}: {@code start},
     * {@code stop}, {@code restart}, {@code switch-plan}); needs the {@code operate} role.
     *
     * @return what the board did, one line
     */
    public String control(String action, String target) throws AgentException {
        send(new Message.Control(action, target));
        return expectSlow(Message.ControlDone.class, "CONTROL " + action + " " + target, Duration.ofSeconds(10)).result();
    }

    /**
     * Uploads the image (continuing where the board's staged upload of the same bytes ends), installs it and waits
     * until the board's trial ends or {@code verdictTimeout} passes.
     *
     * @param cancelled polled between chunks; when it turns true the session closes and the upload stays staged
     *        on the board for the next attempt
     */
    public Verdict flash(Path image, boolean allowDowngrade, FlashListener listener, BooleanSupplier cancelled,
            Duration verdictTimeout) throws AgentException, InterruptedException {
        long awaitMillis = verdictTimeout.toMillis();
        String sha;
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            try {
                // The image's own digest names the upload: nothing is hashed here, the board's verification of
                // the image is the check (a hash of the whole file first would only delay the first chunk).
                sha = ImageVerifier.declaredDigest(ch, image.toString());
            } catch (ImageException e) {
                throw new AgentException(Refusal.code(e.reason()), e.getMessage() + "; nothing was sent to board " + board);
            }
            upload(ch, image, ch.size(), new Message.Install(sha, allowDowngrade, awaitMillis), listener, cancelled);
        } catch (NoSuchFileException e) {
            throw new AgentException("bad-request", image + ": no such file");
        } catch (AgentException e) {
            throw e;
        } catch (IOException e) {
            throw new AgentException("io", image + ": cannot read: " + e.getMessage());
        }
        listener.installing();
        listener.installed(expectSlow(Message.Installed.class, "INSTALL", Duration.ZERO).slot());
        long deadline = System.nanoTime() + verdictTimeout.toNanos();
        // The board waits for the verdict behind INSTALLED (as AWAIT would); AWAIT asks again while it is pending.
        Verdict v = awaitMillis == 0 ? null
                : expectSlow(Message.VerdictReply.class, "INSTALL", Duration.ofMillis(awaitMillis)).verdict();
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            if (v != null && (v.outcome() != Verdict.Outcome.PENDING || left == 0)) {
                return v;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            send(new Message.Await(sha, left));
            v = expectSlow(Message.VerdictReply.class, "AWAIT", Duration.ofMillis(left)).verdict();
            if (left == 0) {
                return v;
            }
        }
    }

    /**
     * Announces the upload with its first chunk right behind it, without waiting for the board's answer: a new
     * upload starts at 0 and the round trip is saved; when the board resumes a staged one, its session drops what
     * the board already holds (one chunk sent twice at most). Then the rest from where the board is, keeping up
     * to {@link #WINDOW} chunks ahead of the acknowledgements, and INSTALL right behind the last one so the board
     * starts verifying without a round trip; when a chunk is refused the board refuses that INSTALL too (the
     * upload is incomplete), so nothing is installed from a partial upload.
     */
    private void upload(FileChannel ch, Path image, long size, Message.Install install, FlashListener listener,
            BooleanSupplier cancelled) throws AgentException {
        String sha = install.sha256();
        try {
            byte[] frame = new byte[FrameCodec.CHUNK_FRAME_HEAD + CHUNK_SIZE];
            FrameCodec.write(out, new Message.UploadBegin(sha, size));
            long sent = sendChunk(ch, image, frame, sha, 0, size);
            int inFlight = 1;
            out.flush();
            long offset;
            try {
                offset = expect(Message.UploadOffset.class, "UPLOAD_BEGIN").offset();
            } catch (AgentException e) {
                if (!CLIENT_SIDE.contains(e.code())) {
                    skipReply(); // the board refused the upload and then the chunk: the session stays in step
                }
                throw e;
            }
            if (offset > size) {
                throw new AgentException("protocol", "board " + board + " asked to continue at " + offset
                        + ", beyond the image's " + size + " bytes");
            }
            listener.uploadStarted(offset, size);
            sent = Math.max(sent, offset);
            long acked = offset;
            boolean installSent = false;
            while (true) {
                while (sent < size && inFlight < WINDOW) {
                    if (cancelled.getAsBoolean()) {
                        close();
                        throw new AgentException("cancelled", "flash to board " + board + " cancelled at " + acked
                                + " of " + size + " bytes (the board keeps them; flash again to continue)");
                    }
                    sent = sendChunk(ch, image, frame, sha, sent, size);
                    inFlight++;
                }
                if (sent == size && !installSent) {
                    FrameCodec.write(out, install);
                    installSent = true;
                }
                out.flush();
                if (inFlight == 0) {
                    return; // every chunk answered: the upload is complete and INSTALL on its way
                }
                long end = expect(Message.ChunkAck.class, "CHUNK").end();
                inFlight--;
                // a chunk the board already held is acknowledged with where the board was: the same end again
                if (end < acked || end > sent) {
                    throw new AgentException("protocol", "board " + board + " acknowledged up to " + end
                            + ", expected at least " + acked + " and at most " + sent);
                }
                acked = end;
                listener.uploaded(acked, size);
            }
        } catch (AgentException e) {
            throw e;
        } catch (IOException e) {
            throw new AgentException("io", "flash to board " + board + ": " + e.getMessage(), e);
        }
    }

    /** Reads the chunk at {@code at} into {@code frame} and writes it as one CHUNK frame; returns where it ends. */
    private long sendChunk(FileChannel ch, Path image, byte[] frame, String sha, long at, long size)
            throws IOException, AgentException {
        int n = (int) Math.min(CHUNK_SIZE, size - at);
        ByteBuffer b = ByteBuffer.wrap(frame, FrameCodec.CHUNK_FRAME_HEAD, n);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position() - FrameCodec.CHUNK_FRAME_HEAD) < 0) {
                throw new AgentException("io", image + " shrank while it was being flashed");
            }
        }
        FrameCodec.writeChunkFrame(out, sha, at, frame, n);
        return at + n;
    }

    /** Reads and drops one reply (a refused request's pipelined follower's), whatever it is. */
    private void skipReply() {
        try {
            FrameCodec.read(in);
        } catch (IOException e) {
            // the session is over anyway; the caller reports the refusal
        }
    }

    /**
     * Streams the board's events to {@code listener} from a reader thread until the returned handle is closed or
     * the board goes away (then {@code ended} gets the reason, or null after {@code close}). The first event is
     * the current status, delivered synchronously as the return value of the subscription request.
     */
    public BoardStatus subscribe(Consumer<BoardEvent> listener, Consumer<AgentException> ended) throws AgentException {
        send(new Message.Subscribe());
        BoardStatus now = expect(Message.StatusReply.class, "SUBSCRIBE").status();
        Thread.ofPlatform().daemon().name("orrery-board-events-" + board).start(() -> {
            try {
                readTimeout(0);
                Message m;
                while ((m = FrameCodec.read(in)) != null) {
                    if (m instanceof Message.Event e) {
                        listener.accept(e.event());
                    } else {
                        throw new ProtocolException("unexpected " + FrameCodec.typeOf(m) + " in the event stream");
                    }
                }
                ended.accept(closing ? null : new AgentException("closed", "board " + board + " closed the event stream"));
            } catch (IOException e) {
                ended.accept(closing || socket.isClosed() ? null
                        : new AgentException("protocol", "board " + board + " event stream ended: " + e.getMessage(), e));
            }
        });
        return now;
    }

    /**
     * Follows the board's live trace: the metadata first (given to {@code receiver} before this returns), then every
     * packet from the next complete one on, from a reader thread, until the returned stream is stopped or the board
     * ends it. The session is the trace's from then on. Needs the monitor role.
     */
    public TraceStream followTrace(TraceReceiver receiver) throws AgentException {
        send(new Message.TraceStart(new byte[0], new byte[0]));
        // a board that just booted its image writes the trace's metadata within seconds
        Message.TraceStart start = expectSlow(Message.TraceStart.class, "TRACE_START", Duration.ofSeconds(30));
        try {
            if (start.configuration().length > 0) {
                receiver.configuration(start.configuration());
            }
            receiver.metadata(new String(start.metadata(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            close();
            throw new AgentException("io", "cannot keep the trace of board " + board + ": " + e.getMessage(), e);
        }
        TraceStream stream = new TraceStream(() -> {
            try {
                synchronized (out) {
                    FrameCodec.write(out, new Message.TraceEnd("stopped by the client", false, 0, 0));
                    out.flush();
                }
            } catch (IOException e) {
                // the reader sees the connection end
            }
        });
        Thread.ofPlatform().daemon().name("orrery-board-trace-" + board).start(() -> readTrace(receiver, stream));
        return stream;
    }

    private void readTrace(TraceReceiver receiver, TraceStream stream) {
        try {
            readTimeout(0);
            Message m;
            while ((m = FrameCodec.read(in)) != null) {
                switch (m) {
                    case Message.TracePacket p -> {
                        try {
                            receiver.packet(p.core(), p.events(), p.packet());
                        } catch (IOException e) {
                            stream.ended(new TraceStream.End("cannot keep the trace: " + e.getMessage(), true, 0, 0));
                            close();
                            return;
                        }
                    }
                    case Message.TraceEnd e -> {
                        stream.ended(new TraceStream.End(e.reason(), e.error(), e.events(), e.discarded()));
                        return;
                    }
                    case Message.Error e -> {
                        // e.g. a stop that crossed the end
                        if (!"bad-request".equals(e.code())) {
                            throw new ProtocolException("board refused: " + e.message());
                        }
                    }
                    default -> throw new ProtocolException("unexpected " + FrameCodec.typeOf(m) + " in the trace stream");
                }
            }
            stream.ended(new TraceStream.End("board " + board + " closed the connection", true, 0, 0));
        } catch (IOException e) {
            stream.ended(new TraceStream.End(closing ? "the client closed the session"
                    : "board " + board + " trace stream ended: " + e.getMessage(), !closing, 0, 0));
        }
    }

    /**
     * Opens a debug tunnel to {@code partition}'s JVM (role {@code debug}); the session then belongs to the tunnel,
     * and closing the tunnel closes it. Refused with the board's reason: no such partition, a simulated board,
     * a partition another client debugs (named), or a key without the role.
     */
    public DebugTunnel openDebug(String partition) throws AgentException {
        send(new Message.DebugOpen(partition));
        expect(Message.DebugOpen.class, "DEBUG_OPEN " + partition);
        try {
            readTimeout(0); // a debugger may sit at a breakpoint for as long as it likes
        } catch (SocketException e) {
            throw new AgentException("io", "board " + board + ": " + e.getMessage(), e);
        }
        return new DebugTunnel(board, partition, in, out, this);
    }

    private void send(Message m) throws AgentException {
        try {
            FrameCodec.write(out, m);
            out.flush();
        } catch (IOException e) {
            throw new AgentException("io", "board " + board + ": connection lost sending "
                    + FrameCodec.typeOf(m) + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a reply that may take the board {@code work} (verification, boot, a trial) on top of the usual. */
    private <T extends Message> T expectSlow(Class<T> type, String request, Duration work) throws AgentException {
        try {
            readTimeout((int) Math.min(Integer.MAX_VALUE, READ_TIMEOUT_MS + work.toMillis()));
            return expect(type, request);
        } catch (SocketException e) {
            throw new AgentException("io", "board " + board + ": " + e.getMessage(), e);
        } finally {
            try {
                readTimeout(READ_TIMEOUT_MS);
            } catch (SocketException ignored) {
                // closed: the caller has its error already
            }
        }
    }

    private <T extends Message> T expect(Class<T> type, String request) throws AgentException {
        Message m;
        try {
            m = FrameCodec.read(in);
        } catch (SocketTimeoutException e) {
            throw new AgentException("io", "board " + board + " did not answer " + request + " in time", e);
        } catch (SSLException | SocketException e) {
            throw new AgentException("handshake", "board " + board + " ended the session at " + request
                    + " (is this user's key, `orrery boards whoami`, authorised on the board?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AgentException("protocol", "board " + board + " sent a bad reply to " + request + ": " + e.getMessage(), e);
        }
        if (m == null) {
            throw new AgentException("io", "board " + board + " closed the connection at " + request);
        }
        if (m instanceof Message.Error err) {
            throw new AgentException(err.code(), "board " + board + " refused " + request + " (" + err.code() + "): "
                    + err.message());
        }
        if (!type.isInstance(m)) {
            throw new AgentException("protocol", "board " + board + " answered " + request + " with "
                    + FrameCodec.typeOf(m));
        }
        return type.cast(m);
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    /** Sets the socket's read timeout unless the session is closing (then {@link #close}'s short wait stays). */
    private void readTimeout(int millis) throws SocketException {
        synchronized (timeouts) {
            if (!closing) {
                socket.setSoTimeout(millis);
            }
        }
    }

    /** Ends the session; safe from another thread, which is how a flash or a stream is cancelled. */
    @Override
    public void close() {
        synchronized (timeouts) {
            closing = true;
            try {
                socket.setSoTimeout(CLOSE_WAIT_MS);
            } catch (SocketException alreadyClosed) {
                // nothing to wait for
            }
        }
        closeQuietly(socket);
    }
}
