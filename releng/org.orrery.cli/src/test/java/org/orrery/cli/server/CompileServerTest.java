// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile server and the launcher's client as the launcher runs them: real processes, the bash client of
 * {@code releng/scripts/server-client.sh} over a real loopback connection, from the repository root so that
 * relative paths are what a user types.
 */
class CompileServerTest {

    private static final Path ROOT = root();
    private static final String WINDOWS_OVERLAP = "dsl/org.orrery.dsl.tests/fixtures/windows-overlap.orrery";
    private static final String FLIGHT_CONTROL = "examples/flight-control/system.orrery";

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    private record Result(int exit, byte[] out, byte[] err) {
        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void stopServers() {
        started.forEach(Process::destroyForcibly);
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        return p;
    }

    private Path privateFolder() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return dir;
    }

    private static ProcessBuilder java(String main, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(ROOT.toFile());
    }

    private Process server(Path endpoint, int idleSeconds) throws IOException {
        Process p = java(CompileServer.class.getName(), List.of(endpoint.toString(), String.valueOf(idleSeconds)))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("server-" + started.size() + ".log").toFile()).start();
        started.add(p);
        return p;
    }

    private Result run(ProcessBuilder pb) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process did not end: " + pb.command());
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }

    /** The launcher's client, told to wait {@code waitSeconds} for the server {@code pid} (null: any server). */
    private Result client(Path endpoint, int waitSeconds, Long pid, String... args) throws Exception {
        return run(new ProcessBuilder(clientCommand(endpoint, waitSeconds, pid, args)).directory(ROOT.toFile()));
    }

    private static List<String> clientCommand(Path endpoint, int waitSeconds, Long pid, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c",
                ". '" + ROOT.resolve("releng/scripts/server-client.sh") + "'; orrery_server_call \"$@\"", "client",
                endpoint.toString(), String.valueOf(waitSeconds), pid == null ? "" : pid.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Result client(Path endpoint, int waitSeconds, String... args) throws Exception {
        return client(endpoint, waitSeconds, null, args);
    }

    private Result inProcess(String... args) throws Exception {
        return run(java("org.orrery.cli.OrreryCli", List.of(args)));
    }

    private static void assertSame(Result expected, Result actual) {
        assertEquals(expected.exit(), actual.exit(), actual.errText());
        assertArrayEquals(expected.out(), actual.out(), new String(actual.out(), StandardCharsets.UTF_8));
        assertArrayEquals(expected.err(), actual.err(), actual.errText());
    }

    private static Path endpointFile(Path endpoint) {
        return Path.of(endpoint + ".tcp");
    }

    private static void awaitEndpoint(Path endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(endpointFile(endpoint)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(endpointFile(endpoint)), "the server published its endpoint");
    }

    @Test
    void answersWithTheBytesAndExitCodeOfTheInProcessCheckAndIsReused() throws Exception {
        Path endpoint = privateFolder().resolve("check");
        Process server = server(endpoint, 60);
        String[] mixed = {"check", FLIGHT_CONTROL, WINDOWS_OVERLAP, "no/such/system.orrery"};
        Result served = client(endpoint, 60, mixed);
        Result expected = inProcess(mixed);
        assertEquals(1, expected.exit(), expected.errText());
        assertTrue(expected.errText().contains("error[windows-overlap]"), expected.errText());
        assertSame(expected, served);
        // A usage mistake: picocli's message and exit code 2, through the server as well.
        assertSame(inProcess("check"), client(endpoint, 0, "check"));
        // Arguments with spaces, quotes and non-ASCII letters arrive as typed (a file that does not exist).
        assertSame(inProcess("check", "no such/sÿstème \"x\".orrery"), client(endpoint, 0, "check",
                "no such/sÿstème \"x\".orrery"));
        // The server's one command model starts each request afresh: the files of the first call are gone.
        assertSame(expected, client(endpoint, 0, mixed));
        // Every call went to the one server that is still there.
        assertTrue(server.isAlive());
        String log = Files.readString(tmp.resolve("server-0.log"));
        assertEquals(1, log.lines().filter(l -> l.contains("serving")).count(), log);
        // A client in another directory is not served: its relative paths would name other files here.
        Result elsewhere = run(new ProcessBuilder(clientCommand(endpoint, 0, null, "check", FLIGHT_CONTROL))
                .directory(tmp.toFile()));
        assertEquals(Protocol.NOT_SERVED, elsewhere.exit(), elsewhere.errText());
        assertEquals(0, elsewhere.out().length + elsewhere.err().length);
        // Commands other than check are not served: the launcher runs them itself, nothing was printed.
        Result generate = client(endpoint, 0, "generate", FLIGHT_CONTROL, "-o", tmp.resolve("gen").toString());
        assertEquals(Protocol.NOT_SERVED, generate.exit());
        assertEquals(0, generate.out().length + generate.err().length);
        assertFalse(Files.exists(tmp.resolve("gen")));
    }

    @Test
    void withoutAServerNothingIsPrintedAndTheLauncherIsToldNotServed() throws Exception {
        Result r = client(privateFolder().resolve("none"), 0, "check", FLIGHT_CONTROL);
        assertEquals(Protocol.NOT_SERVED, r.exit());
        assertEquals(0, r.out().length + r.err().length);
    }

    /**
     * The server listens on the loopback interface only and publishes its port and token to the user alone; a
     * request without the token, or a connection that sends nothing or trickles, gets nothing and does not hold the
     * server.
     */
    @Test
    void servesOnlyRequestsWithItsTokenOnLoopback() throws Exception {
        Path endpoint = privateFolder().resolve("check");
        server(endpoint, 60);
        awaitEndpoint(endpoint);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(endpointFile(endpoint))));
        String[] published = Files.readString(endpointFile(endpoint)).trim().split(" ");
        int port = Integer.parseInt(published[0]);
        assertEquals(64, published[1].length(), "a 256-bit token");
        // Listening on 127.0.0.1 (a JVM with IPv6 lists it in tcp6, as an IPv4-mapped address), nowhere else.
        String onPort = String.format(":%04X", port);
        List<String> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f[1].endsWith(onPort) && f[3].equals("0A")) {
                    sockets.add(f[1]);
                }
            }
        }
        assertEquals(1, sockets.size(), "one listening socket on the port: " + sockets);
        assertTrue(sockets.get(0).equals("0100007F" + onPort)
                || sockets.get(0).equals("0000000000000000FFFF00000100007F" + onPort), "loopback only: " + sockets);

        // A request with another token (as someone would send who cannot read the file): no answer at all.
        String forged = "ORR2 " + "0".repeat(64) + "\n" + ROOT.toRealPath().toString().getBytes(StandardCharsets.UTF_8).length
                + ":" + ROOT.toRealPath() + "2\n5:check" + FLIGHT_CONTROL.length() + ":" + FLIGHT_CONTROL;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(forged.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            assertNoAnswer(s);
        }
        // One that trickles its request, a byte a second, is dropped at the same deadline as one that sends nothing.
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
            long start = System.nanoTime();
            slow.setSoTimeout(1_000);
            int answer = 0;
            for (byte b : forged.getBytes(StandardCharsets.UTF_8)) {
                slow.getOutputStream().write(b);
                slow.getOutputStream().flush();
                try {
                    answer = slow.getInputStream().read();
                    break;
                } catch (SocketTimeoutException stillOpen) {
                    // the next byte
                }
            }
            assertEquals(-1, answer, "dropped without an answer");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "dropped at the deadline");
        }
        // The right token in a request of another format, or a request without a command: nothing served.
        String cwd = ROOT.toRealPath().toString();
        String request = published[1] + "\n" + cwd.getBytes(StandardCharsets.UTF_8).length + ":" + cwd;
        assertEquals("", answer(port, "ORR1 " + request + "2\n5:check" + FLIGHT_CONTROL.length() + ":" + FLIGHT_CONTROL),
                "a client of another format gets no answer");
        assertEquals("X " + Protocol.NOT_SERVED + "\n", answer(port, "ORR2 " + request + "0\n"),
                "a request without a command is not served");
        // A connection that never sends its request is dropped; the next client is served meanwhile or after it.
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Result r = client(endpoint, 0, "check", FLIGHT_CONTROL);
            assertEquals(0, r.exit(), r.errText());
            assertEquals(FLIGHT_CONTROL + ": 0 errors, 0 warnings\n", new String(r.out(), StandardCharsets.UTF_8));
        }
        String log = Files.readString(tmp.resolve("server-0.log"));
        assertTrue(log.contains("refused a request without this server's token"), log);
        assertTrue(log.contains("refused an incomplete or malformed request"), log);
        assertTrue(log.contains(": not an orrery client"), log);
    }

    /**
     * The server closed {@code s} without a byte of answer: an end of stream, or a reset when it closed with bytes of
     * the request still unread (it does not read past a token that is not its own).
     */
    private static void assertNoAnswer(Socket s) throws IOException {
        s.setSoTimeout(60_000);
        InputStream in = s.getInputStream();
        try {
            assertEquals(-1, in.read(), "the server answered a request without its token");
        } catch (SocketException reset) {
            assertTrue(reset.getMessage().contains("reset"), reset.toString());
        }
    }

    /**
     * A peer without the token costs the server its first line and no more: the server refuses it before it reads
     * (or allocates, or waits for) the rest of the request, so the peer's writes fail while it still has bytes to send.
     */
    @Test
    void aRequestWithAnotherTokenIsRefusedBeforeItsBodyIsRead() throws Exception {
        Path endpoint = privateFolder().resolve("check");
        server(endpoint, 60);
        awaitEndpoint(endpoint);
        int port = Integer.parseInt(Files.readString(endpointFile(endpoint)).trim().split(" ")[0]);
        // A well-formed request the server would read to its end if it read before checking: a 12 MiB working
        // directory (the format allows 16), far more than the socket buffers between the two hold.
        int body = 12 << 20;
        byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try (Socket s = new Socket()) {
            s.setSendBufferSize(1 << 16);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            OutputStream out = s.getOutputStream();
            out.write(("ORR2 " + "0".repeat(64) + "\n" + body + ":").getBytes(StandardCharsets.US_ASCII));
            try {
                while (sent < body) {
                    out.write(chunk);
                    sent += chunk.length;
                }
                out.write("0\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException refused) {
                // the server closed the connection with the request unread
            }
            assertTrue(sent < body, "the server read all " + body + " bytes of a request without its token");
            assertNoAnswer(s);
        }
        String log = Files.readString(tmp.resolve("server-0.log"));
        assertTrue(log.contains("refused a request without this server's token"), log);
    }

    /** Everything the server at {@code port} answers {@code request} with, until it closes the connection. */
    private static String answer(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            s.setSoTimeout(60_000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void replacesAStaleEndpointStopsWhenIdleAndASecondServerLeaves() throws Exception {
        Path endpoint = privateFolder().resolve("check");
        // An endpoint file naming a port nobody listens on, as a killed server leaves it.
        Files.writeString(endpointFile(endpoint), "1 " + "ab".repeat(32) + "\n");
        assertEquals(Protocol.NOT_SERVED, client(endpoint, 0, "check", FLIGHT_CONTROL).exit());
        Process server = server(endpoint, 2);
        Result r = client(endpoint, 60, "check", FLIGHT_CONTROL);
        assertEquals(0, r.exit(), r.errText());
        assertEquals(FLIGHT_CONTROL + ": 0 errors, 0 warnings\n", new String(r.out(), StandardCharsets.UTF_8));
        // A racing second server finds the first one's lock and leaves at once.
        Process second = server(endpoint, 60);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTrue(server.isAlive());
        // Idle for 2 s: the server removes its endpoint file and exits.
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop when idle");
        assertEquals(0, server.exitValue());
        assertFalse(Files.exists(endpointFile(endpoint)));
    }

    /** One frame of the answer's format: its kind, its length in bytes, its bytes. */
    private static String frame(char kind, String text) {
        return kind + " " + text.getBytes(StandardCharsets.UTF_8).length + "\n" + text;
    }

    /** A stand-in server's one exchange: the request it read, and the client's result. */
    private record Exchange(Protocol.Request request, Result result) {
    }

    /**
     * The launcher's client against a stand-in server on loopback that reads one request, answers {@code answer}
     * (raw bytes of the answer's format) and closes the connection.
     */
    private Exchange standIn(String answer, String... args) throws Exception {
        Path endpoint = Files.createTempDirectory(tmp, "stand-in",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))).resolve("check");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(endpointFile(endpoint), server.getLocalPort() + " " + "cd".repeat(32) + "\n");
            CompletableFuture<Protocol.Request> read = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(60_000);
                    InputStream in = s.getInputStream();
                    Protocol.Request r = Protocol.readRequest(Protocol.readToken(in), in);
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                    return r;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Result result = client(endpoint, 0, args);
            return new Exchange(read.get(60, TimeUnit.SECONDS), result);
        }
    }

    @Test
    void theClientSendsItsRequestAndCopiesEachFrameToItsStreamThenExitsWithTheCode() throws Exception {
        Exchange x = standIn(frame('O', "first\n") + frame('E', "warn\n") + frame('O', "") + frame('O', "sÿstème\n")
                + "X 3\n", "check", "a b/sÿstème.orrery", "");
        assertEquals(new Protocol.Request("cd".repeat(32), ROOT.toRealPath().toString(),
                List.of("check", "a b/sÿstème.orrery", "")), x.request());
        assertEquals(3, x.result().exit(), x.result().errText());
        assertEquals("first\nsÿstème\n", new String(x.result().out(), StandardCharsets.UTF_8));
        assertEquals("warn\n", x.result().errText());
    }

    @Test
    void aServerThatStopsBeforeAnsweringIsNotServedAndOneThatStopsMidwayIsAnError() throws Exception {
        Result silent = standIn("", "check", FLIGHT_CONTROL).result();
        assertEquals(Protocol.NOT_SERVED, silent.exit(), silent.errText());
        assertEquals(0, silent.out().length + silent.err().length, "nothing printed: the launcher checks in-process");

        Result cut = standIn(frame('O', "partial\n\n") + "E 4\nhal", "check", FLIGHT_CONTROL).result();
        assertEquals(1, cut.exit(), cut.errText());
        assertEquals("partial\n\n", new String(cut.out(), StandardCharsets.UTF_8));
        assertEquals("orrery: the compile server stopped in the middle of the command; run it again, or with "
                + "ORRERY_SERVER=0 to check in this process\n", cut.errText());
    }

    @Test
    void refusesAFolderOthersCanEnter() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Process server = server(open.resolve("check"), 60);
        assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, server.exitValue());
        String log = Files.readString(tmp.resolve("server-0.log"));
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("rwx------ (0700)"), log);
        assertFalse(Files.exists(endpointFile(open.resolve("check"))));
        // A client told to wait a minute for that server gives up as soon as it sees the process gone.
        long start = System.nanoTime();
        Result r = client(open.resolve("check"), 60, server.pid(), "check", FLIGHT_CONTROL);
        assertEquals(Protocol.NOT_SERVED, r.exit(), r.errText());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the client waited for a dead server");
    }
}
