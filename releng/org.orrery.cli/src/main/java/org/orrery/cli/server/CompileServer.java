// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import org.orrery.cli.OrreryCli;
import org.orrery.toolchain.Compile;

/**
 * A warm JVM that runs {@code orrery check} for the launcher's client, so a check costs the parse, link and rules
 * but not the JVM start, class loading and Xtext's injector (the Gradle-daemon pattern). One server per user, CLI
 * build and working directory (the launcher derives the endpoint's name from them), so relative paths and printed
 * file names mean what they mean in-process.
 * <p>
 * It listens on the loopback interface only, on a port of the system's choosing, and serves only requests that
 * carry the token it drew at start. Port and token are in the endpoint file {@code ENDPOINT.tcp}, mode 0600, in a
 * folder that {@link PrivateFolder} requires to be the user's own with mode 0700: reading that file is the
 * authentication, as the compile-server pattern asks. (A Unix socket would need no token, but bash, the
 * client that costs no JVM start, cannot open one.) Requests run one at a time (Xtext's set-up is not for
 * concurrent compilations); a connection that does not send its request within seconds is dropped. After
 * {@code idleSeconds} without a request it removes its endpoint file and exits.
 *
 * <p>Usage: {@code CompileServer ENDPOINT IDLE_SECONDS}. Exits 0 at once when another server holds the endpoint.
 */
public final class CompileServer {

    /** The commands served; any other is answered {@link Protocol#NOT_SERVED} and runs in-process. */
    static final Set<String> SERVED = Set.of("check");

    // A client writes its whole request at once; one that does not (sends nothing, or trickles bytes) is not ours,
    // or is stuck, and must not hold the server.
    private static final long REQUEST_TIMEOUT_MILLIS = 5_000;

    private final Path endpointFile;
    private final long idleNanos;
    private final String workingDirectory = System.getProperty("user.dir");
    private final byte[] token = newToken();
    private volatile long lastActivity;
    private volatile boolean busy;
    private ServerSocket server;

    CompileServer(Path endpoint, long idleSeconds) {
        this.endpointFile = Path.of(endpoint + ".tcp");
        this.idleNanos = idleSeconds * 1_000_000_000L;
    }

    public static void main(String[] argv) throws IOException {
        if (argv.length != 2) {
            System.err.println("usage: CompileServer ENDPOINT IDLE_SECONDS");
            System.exit(2);
        }
        Path endpoint = Path.of(argv[0]).toAbsolutePath();
        String problem = PrivateFolder.problem(endpoint.getParent());
        if (problem != null) {
            System.err.println("orrery: compile server not started: " + problem);
            System.exit(2);
        }
        // The lock, not the endpoint file, says who serves: a file without a live server behind it (a killed
        // server, a reboot) is stale and replaced; a second server started by a racing client leaves.
        FileChannel lockFile = FileChannel.open(Path.of(endpoint + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) {
            log("another server serves " + endpoint + "; leaving");
            System.exit(0);
        }
        new CompileServer(endpoint, Long.parseLong(argv[1])).serve();
    }

    private static byte[] newToken() {
        byte[] t = new byte[32];
        new SecureRandom().nextBytes(t);
        return HexFormat.of().formatHex(t).getBytes(StandardCharsets.US_ASCII);
    }

    void serve() throws IOException {
        // A file left by a killed server names a port nobody (or somebody else) listens on: gone before anything.
        Files.deleteIfExists(endpointFile);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // A server stopped by a signal leaves no endpoint behind (after a kill -9 the next server replaces it).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(endpointFile);
            } catch (IOException e) {
                // nothing more to do while the JVM stops
            }
        }));
        log("serving " + workingDirectory + " on 127.0.0.1:" + server.getLocalPort() + " (pid "
                + ProcessHandle.current().pid() + ")");
        // The language's set-up is what a warm server saves; make it before the first request needs it. Idle
        // time counts from then, so a short idle limit never stops a server that is still starting.
        Compile.create();
        publishEndpoint();
        lastActivity = System.nanoTime();
        Thread idle = new Thread(this::stopWhenIdle, "idle-stop");
        idle.setDaemon(true);
        idle.start();
        PrintStream logOut = System.out;
        PrintStream logErr = System.err;
        CollectBetweenRequests heap = CollectBetweenRequests.create();
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed by the idle stop
            }
            busy = true;
            heap.requestStarts();
            try (client) {
                handle(client);
            } catch (IOException | RuntimeException e) {
                log("request failed: " + e);
            } finally {
                System.setOut(logOut);
                System.setErr(logErr);
                heap.requestEnded();
                lastActivity = System.nanoTime();
                busy = false;
            }
        }
    }

    // Written whole under a temporary name, then renamed: a client never reads half a file. Owner-only from the
    // start, so the token is never readable by others, not even for a moment.
    private void publishEndpoint() throws IOException {
        Path tmp = Path.of(endpointFile + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, (server.getLocalPort() + " " + new String(token, StandardCharsets.US_ASCII) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, endpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void handle(Socket client) throws IOException {
        InputStream in = new RequestDeadline(client, System.nanoTime() + REQUEST_TIMEOUT_MILLIS * 1_000_000L);
        Protocol.Request request;
        try {
            // The token first, unbuffered: a peer that cannot read the endpoint file costs the server one line,
            // not the megabytes of arguments the format allows (a buffer would read ahead into them).
            String sent = Protocol.readToken(in);
            if (!MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.US_ASCII))) {
                log("refused a request without this server's token from " + client.getRemoteSocketAddress());
                return;
            }
            request = Protocol.readRequest(sent, new BufferedInputStream(in));
        } catch (IOException e) {
            log("refused an incomplete or malformed request from " + client.getRemoteSocketAddress() + ": "
                    + e.getMessage());
            return;
        }
        client.setSoTimeout(0);
        OutputStream wire = new BufferedOutputStream(client.getOutputStream(), 1 << 16);
        if (!workingDirectory.equals(request.workingDirectory()) || request.args().isEmpty()
                || !SERVED.contains(request.args().get(0))) {
            Protocol.writeExit(wire, Protocol.NOT_SERVED);
            return;
        }
        OutputStream out = new FrameStream(wire, Protocol.OUT);
        OutputStream err = new FrameStream(wire, Protocol.ERR);
        // What a library prints on System.out/err goes where it would in-process: to the client's terminal.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        // The same writers OrreryCli.main makes (default charset, autoflush), so the bytes are the same.
        PrintWriter pOut = new PrintWriter(out, true);
        PrintWriter pErr = new PrintWriter(err, true);
        int code = OrreryCli.commandLine(pOut, pErr).execute(request.args().toArray(String[]::new));
        pOut.flush();
        pErr.flush();
        System.out.flush();
        System.err.flush();
        Protocol.writeExit(wire, code);
    }

    private void stopWhenIdle() {
        while (true) {
            try {
                Thread.sleep(Math.min(1000, Math.max(10, idleNanos / 4_000_000L)));
            } catch (InterruptedException e) {
                return;
            }
            if (!busy && System.nanoTime() - lastActivity > idleNanos) {
                // Endpoint file first: a client that finds no file starts a new server instead of queueing here.
                try {
                    Files.deleteIfExists(endpointFile);
                    server.close();
                } catch (IOException e) {
                    log("stopping: " + e);
                }
                log("idle for " + idleNanos / 1_000_000_000L + " s; stopped");
                System.exit(0);
            }
        }
    }

    private static void log(String message) {
        System.err.println(Instant.now() + " orrery compile server: " + message);
    }

    /** The client's input until a deadline: every read waits at most for the time left, then fails. */
    private static final class RequestDeadline extends FilterInputStream {
        private final Socket socket;
        private final long deadlineNanos;

        RequestDeadline(Socket socket, long deadlineNanos) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            waitAtMostTheTimeLeft();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            waitAtMostTheTimeLeft();
            return super.read(b, off, len);
        }

        private void waitAtMostTheTimeLeft() throws IOException {
            long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                throw new SocketTimeoutException("request not complete within " + REQUEST_TIMEOUT_MILLIS + " ms");
            }
            socket.setSoTimeout((int) leftMillis);
        }
    }

    /** Each write becomes one frame of its stream; the client copies frames in order, so interleaving is kept. */
    private static final class FrameStream extends OutputStream {
        private final OutputStream wire;
        private final char kind;

        FrameStream(OutputStream wire, char kind) {
            this.wire = wire;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                Protocol.writeFrame(wire, kind, b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            wire.flush();
        }
    }
}
