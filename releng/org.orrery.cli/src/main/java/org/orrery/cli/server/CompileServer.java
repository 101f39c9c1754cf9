// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;

import org.orrery.cli.OrreryCli;
import org.orrery.toolchain.Compile;

/**
 * A warm JVM that runs {@code orrery check} for {@link ServerClient}s, so a check costs the parse, link and
 * rules but not the JVM start, class loading and Xtext's injector (the Gradle-daemon pattern). One server per
 * user, CLI build and working directory (the launcher derives the socket name from them), so relative paths and
 * printed file names mean what they mean in-process. Only the user reaches it: the socket lives in a folder
 * that {@link SocketFolder} requires to be the user's own, mode 0700. Requests run one at a time (Xtext's
 * set-up is not for concurrent compilations); after {@code idleSeconds} without one it removes its socket and
 * exits.
 *
 * <p>Usage: {@code CompileServer SOCKET IDLE_SECONDS}. Exits 0 at once when another server holds the socket.
 */
public final class CompileServer {

    /** The commands served; any other is answered {@link ServerClient#NOT_SERVED} and runs in-process. */
    static final Set<String> SERVED = Set.of("check");

    private final Path socket;
    private final long idleNanos;
    private final String workingDirectory = System.getProperty("user.dir");
    private volatile long lastActivity;
    private volatile boolean busy;
    private ServerSocketChannel server;

    CompileServer(Path socket, long idleSeconds) {
        this.socket = socket;
        this.idleNanos = idleSeconds * 1_000_000_000L;
    }

    public static void main(String[] argv) throws IOException {
        if (argv.length != 2) {
            System.err.println("usage: CompileServer SOCKET IDLE_SECONDS");
            System.exit(2);
        }
        Path socket = Path.of(argv[0]).toAbsolutePath();
        String problem = SocketFolder.problem(socket.getParent());
        if (problem != null) {
            System.err.println("orrery: compile server not started: " + problem);
            System.exit(2);
        }
        // The lock, not the socket file, says who serves: a socket file without a live server behind it (a
        // killed server, a reboot) is stale and replaced; a second server started by a racing client leaves.
        FileChannel lockFile = FileChannel.open(Path.of(socket + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) {
            log("another server serves " + socket + "; leaving");
            System.exit(0);
        }
        new CompileServer(socket, Long.parseLong(argv[1])).serve();
    }

    void serve() throws IOException {
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        // A server stopped by a signal leaves no socket behind (after a kill -9 the next server replaces it).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // nothing more to do while the JVM stops
            }
        }));
        log("serving " + workingDirectory + " on " + socket + " (pid " + ProcessHandle.current().pid() + ")");
        // The language's set-up is what a warm server saves; make it before the first request needs it. Idle
        // time counts from then, so a short idle limit never stops a server that is still starting.
        Compile.create();
        lastActivity = System.nanoTime();
        Thread idle = new Thread(this::stopWhenIdle, "idle-stop");
        idle.setDaemon(true);
        idle.start();
        PrintStream logOut = System.out;
        PrintStream logErr = System.err;
        CollectBetweenRequests heap = CollectBetweenRequests.create();
        while (true) {
            SocketChannel client;
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

    private void handle(SocketChannel client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
        Protocol.Request request = Protocol.readRequest(in);
        DataOutputStream wire = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client), 1 << 16));
        if (!workingDirectory.equals(request.workingDirectory()) || request.args().isEmpty()
                || !SERVED.contains(request.args().get(0))) {
            exit(wire, ServerClient.NOT_SERVED);
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
        exit(wire, code);
    }

    private static void exit(DataOutputStream wire, int code) throws IOException {
        wire.writeByte(Protocol.EXIT);
        wire.writeInt(code);
        wire.flush();
    }

    private void stopWhenIdle() {
        while (true) {
            try {
                Thread.sleep(Math.min(1000, Math.max(10, idleNanos / 4_000_000L)));
            } catch (InterruptedException e) {
                return;
            }
            if (!busy && System.nanoTime() - lastActivity > idleNanos) {
                // Socket file first: a client that finds no file starts a new server instead of queueing here.
                try {
                    Files.deleteIfExists(socket);
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

    /** Each write becomes one frame of its stream; the client copies frames in order, so interleaving is kept. */
    private static final class FrameStream extends OutputStream {
        private final DataOutputStream wire;
        private final byte kind;

        FrameStream(DataOutputStream wire, byte kind) {
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
