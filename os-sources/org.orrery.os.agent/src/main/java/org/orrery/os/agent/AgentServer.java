// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.orrery.os.agent.internal.server.Connection;
import org.orrery.os.agent.internal.server.RefusalThrottle;
import org.orrery.os.agent.internal.server.TrustWatch;
import org.orrery.os.agent.internal.tls.Fingerprints;
import org.orrery.os.agent.internal.tls.PinnedTrust;
import org.orrery.os.agent.internal.tls.Tls;

/**
 * The board agent's server: mutual TLS 1.3 on one address, accepting exactly the client keys listed in
 * {@link TrustedClients}; each connection runs on its own thread and every request is checked against
 * the client's roles and written to the {@link AuditLog}. Peers whose key is unknown never get past the
 * handshake; their refusal is logged with their key's fingerprint.
 */
public final class AgentServer implements AutoCloseable {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Sessions served at once, handshakes included; a board has a few users, not hundreds. */
    static final int MAX_SESSIONS = 32;

    private final SSLServerSocket server;
    private final TrustedClients clients;
    private final AuditLog log;
    private final BoardControl board;
    private final String boardName;
    private final String fingerprint;
    private final Thread acceptor;
    /** One debug session per partition across all connections. */
    private final org.orrery.os.agent.internal.server.DebugSessions debugSessions =
            new org.orrery.os.agent.internal.server.DebugSessions();
    /** Why the trust check refused a socket's key, for the one log line its failed handshake gets. */
    private final Map<Socket, String> refusedKeys = new ConcurrentHashMap<>();
    /** Open sessions, closed with the server so a stopped agent leaves no client waiting. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Sessions past their handshake, with the clients-file line each was let in by (see {@link TrustWatch}). */
    private final Map<Socket, TrustedClients.Client> authenticated = new ConcurrentHashMap<>();
    private final TrustWatch trustWatch;
    /** Lines for peers that never authenticated, bounded per address. */
    private final RefusalThrottle refusals;
    private final Semaphore sessions = new Semaphore(MAX_SESSIONS);
    private final int handshakeMillis;

    private AgentServer(Identity identity, String boardName, TrustedClients clients, AuditLog log, BoardControl board,
            InetSocketAddress listen, Duration handshakeTimeout) throws IOException {
        this.handshakeMillis = Math.toIntExact(handshakeTimeout.toMillis());
        this.clients = clients;
        this.log = log;
        this.board = board;
        this.boardName = boardName;
        this.fingerprint = identity.fingerprint();
        SSLContext ctx;
        try {
            ctx = Tls.context(identity.privateKey(), identity.certificate(), new PinnedTrust(this::checkClient));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS 1.3: " + e.getMessage(), e);
        }
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
        server.setSSLParameters(Tls.parameters(ctx, true));
        server.setReuseAddress(true);
        try {
            server.bind(listen, 64);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + listen.getHostString() + ":" + listen.getPort() + ": " + e.getMessage(), e);
        }
        refusals = new RefusalThrottle(log);
        trustWatch = new TrustWatch(clients, authenticated, log);
        acceptor = Thread.ofPlatform().name("orrery-agent-accept").daemon().start(this::acceptLoop);
    }

    /**
     * Starts serving {@code board}.
     *
     * @param boardName how the board introduces itself in WELCOME
     */
    public static AgentServer start(Identity identity, String boardName, TrustedClients clients, AuditLog log,
            BoardControl board, InetSocketAddress listen) throws IOException {
        return start(identity, boardName, clients, log, board, listen, HANDSHAKE_TIMEOUT);
    }

    /** As {@link #start}, with the time a peer has for its whole handshake (tests wait less than the default). */
    static AgentServer start(Identity identity, String boardName, TrustedClients clients, AuditLog log,
            BoardControl board, InetSocketAddress listen, Duration handshakeTimeout) throws IOException {
        return new AgentServer(identity, boardName, clients, log, board, listen, handshakeTimeout);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public String fingerprint() {
        return fingerprint;
    }

    private void checkClient(String key, Socket socket) throws CertificateException {
        Optional<TrustedClients.Client> c;
        try {
            c = clients.find(key);
        } catch (IOException e) {
            refusedKeys.put(socket, "key " + key + " refused: " + e.getMessage());
            throw new CertificateException(e.getMessage());
        }
        if (c.isEmpty()) {
            refusedKeys.put(socket, "key " + key + " is not in " + clients.file());
            throw new CertificateException("client key " + key + " is not authorised on this board");
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                // A bounded number of sessions, each handshake on a virtual thread: peers that connect and never
                // finish one cost a socket for the handshake's time, not a platform thread each.
                if (!sessions.tryAcquire()) {
                    String address = s.getInetAddress().getHostAddress();
                    refusals.refused(address, "unauthenticated@" + address, "connect",
                            "refused: " + MAX_SESSIONS + " sessions already open");
                    closeQuietly(s);
                    continue;
                }
                Thread.ofVirtual().name("orrery-agent-conn").start(() -> {
                    try {
                        serve(s);
                    } finally {
                        sessions.release();
                    }
                });
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                log.record("-", "accept", "failed: " + e.getMessage());
            }
        }
    }

    private void serve(SSLSocket s) {
        open.add(s);
        try {
            serveOpen(s);
        } finally {
            open.remove(s);
        }
    }

    private void serveOpen(SSLSocket s) {
        String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        TrustedClients.Client client;
        HandshakeDeadline deadline = new HandshakeDeadline(s, handshakeMillis);
        try {
            s.setSoTimeout(handshakeMillis);
            s.setTcpNoDelay(true);
            s.startHandshake();
            if (!deadline.met()) {
                throw new SSLException("handshake not complete within " + handshakeMillis + " ms");
            }
            String key = Fingerprints.of(s.getSession().getPeerCertificates()[0].getPublicKey());
            client = trustWatch.admit(s, key)
                    .orElseThrow(() -> new SSLException("key " + key + " was removed during the handshake"));
        } catch (IOException e) {
            String why = refusedKeys.remove(s);
            String because = why != null ? why
                    : deadline.expired() ? "handshake not complete within " + handshakeMillis + " ms" : describe(e);
            refusals.refused(s.getInetAddress().getHostAddress(), "unauthenticated@" + peer, "handshake",
                    "refused: " + because);
            closeQuietly(s);
            return;
        } finally {
            deadline.cancel();
            refusedKeys.remove(s);
        }
        // An authenticated session gets a platform thread: its replies then leave without a trip through the
        // virtual threads' scheduler and poller, which took a third of a small flash's time on loopback.
        Thread session = Thread.ofPlatform().daemon().name("orrery-agent-session-" + client.name())
                .start(new Connection(s, client, board, log, boardName, fingerprint, debugSessions));
        boolean interrupted = false;
        while (session.isAlive()) {
            try {
                session.join();
            } catch (InterruptedException e) {
                interrupted = true;
                closeQuietly(s); // ends the session; its last audit line is still awaited
            }
        }
        authenticated.remove(s);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The read timeout bounds each read of a handshake, not the handshake: a peer that sends a byte now and then
     * would keep its session slot for hours, and {@link #MAX_SESSIONS} such peers would lock every user out. This
     * closes the socket once the whole handshake has taken longer than its time.
     */
    private static final class HandshakeDeadline {
        private static final int RUNNING = 0;
        private static final int MET = 1;
        private static final int EXPIRED = 2;

        private final AtomicInteger state = new AtomicInteger();
        private final Thread timer;

        HandshakeDeadline(Socket s, int millis) {
            timer = Thread.ofVirtual().name("orrery-agent-handshake-deadline").start(() -> {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException met) {
                    return;
                }
                // exactly one of the timer and the handshake wins: a session in time is never closed under it
                if (state.compareAndSet(RUNNING, EXPIRED)) {
                    closeQuietly(s);
                }
            });
        }

        /** True when the handshake finished before the deadline, which then no longer closes the socket. */
        boolean met() {
            return state.compareAndSet(RUNNING, MET) || state.get() == MET;
        }

        boolean expired() {
            return state.get() == EXPIRED;
        }

        void cancel() {
            timer.interrupt();
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already refused
        }
    }

    /**
     * Stops accepting and ends the open sessions, handshakes included (their clients see the connection end); returns
     * once every session has written its last audit line, so a stopped agent writes nothing more.
     */
    @Override
    public void close() {
        try {
            server.close();
            trustWatch.close();
            open.forEach(AgentServer::closeQuietly);
            acceptor.join(2_000);
            if (sessions.tryAcquire(MAX_SESSIONS, 5, java.util.concurrent.TimeUnit.SECONDS)) {
                sessions.release(MAX_SESSIONS);
            }
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            refusals.flush();
            log.close();
        }
    }
}
