// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A local port for a JDWP client (jdb, JDT's remote Java application launch): listens on 127.0.0.1 only, and each
 * connection accepted becomes one tunnel session to the partition over a new authenticated agent session. The
 * board allows one session per partition, so a second debugger is refused with the name of the first one's client.
 */
public final class DebugPort implements AutoCloseable {

    /** Opens an authenticated session to the board (the registry's address, pinned key and this user's identity). */
    public interface Connector {
        AgentClient connect() throws AgentException;
    }

    private final ServerSocket server;
    private final String partition;
    private final Connector connector;
    private final Consumer<String> report;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private DebugPort(ServerSocket server, String partition, Connector connector, Consumer<String> report) {
        this.server = server;
        this.partition = partition;
        this.connector = connector;
        this.report = report;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port, see {@link #port()}); {@code report} hears of each
     * session's start, end and refusal, one line each.
     */
    public static DebugPort open(int port, String partition, Connector connector, Consumer<String> report)
            throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4);
        DebugPort p = new DebugPort(s, partition, connector, report);
        Thread.ofPlatform().daemon().name("orrery-debug-port-" + s.getLocalPort()).start(p::acceptLoop);
        return p;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket local;
            try {
                local = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(local);
            Thread.ofPlatform().daemon().name("orrery-debug-session").start(() -> session(local));
        }
    }

    private void session(Socket local) {
        String from = local.getInetAddress().getHostAddress() + ":" + local.getPort();
        try (local; DebugTunnel tunnel = open()) {
            local.setTcpNoDelay(true);
            report.accept("debugger " + from + " attached to partition " + partition);
            tunnel.relay(local.getInputStream(), local.getOutputStream());
            report.accept("debugger " + from + " detached from partition " + partition
                    + (tunnel.endedBecause() == null ? "" : ": " + tunnel.endedBecause()));
        } catch (AgentException e) {
            report.accept("debugger " + from + " refused: " + e.getMessage());
        } catch (IOException e) {
            report.accept("debugger " + from + " lost: " + e.getMessage());
        } finally {
            open.remove(local);
        }
    }

    /** A tunnel over a new session; the session is closed when the board refuses the tunnel (it would stay open). */
    private DebugTunnel open() throws AgentException {
        AgentClient client = connector.connect();
        try {
            return client.openDebug(partition);
        } catch (AgentException e) {
            client.close();
            throw e;
        }
    }

    /** Stops listening and ends every open session. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
