// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile server and its client as the launcher runs them: real processes over a real Unix socket, from the
 * repository root so that relative paths are what a user types.
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

    private Path socketFolder() throws IOException {
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

    private Process server(Path socket, int idleSeconds) throws IOException {
        Process p = java(CompileServer.class.getName(), List.of(socket.toString(), String.valueOf(idleSeconds)))
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

    private Result client(Path socket, double waitSeconds, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(socket.toString(), String.valueOf(waitSeconds)));
        a.addAll(List.of(args));
        return run(java(ServerClient.class.getName(), a));
    }

    /** As the launcher calls it right after starting the server {@code pid}. */
    private Result clientOf(long pid, Path socket, double waitSeconds, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(socket.toString(), String.valueOf(waitSeconds)));
        a.addAll(List.of(args));
        ProcessBuilder pb = java(ServerClient.class.getName(), a);
        pb.command().add(1, "-Dorrery.server.pid=" + pid);
        return run(pb);
    }

    private Result inProcess(String... args) throws Exception {
        return run(java("org.orrery.cli.OrreryCli", List.of(args)));
    }

    private static void assertSame(Result expected, Result actual) {
        assertEquals(expected.exit(), actual.exit(), actual.errText());
        assertArrayEquals(expected.out(), actual.out(), new String(actual.out(), StandardCharsets.UTF_8));
        assertArrayEquals(expected.err(), actual.err(), actual.errText());
    }

    @Test
    void answersWithTheBytesAndExitCodeOfTheInProcessCheckAndIsReused() throws Exception {
        Path socket = socketFolder().resolve("s.sock");
        Process server = server(socket, 60);
        String[] mixed = {"check", FLIGHT_CONTROL, WINDOWS_OVERLAP, "no/such/system.orrery"};
        Result served = client(socket, 60, mixed);
        Result expected = inProcess(mixed);
        assertEquals(1, expected.exit(), expected.errText());
        assertTrue(expected.errText().contains("error[windows-overlap]"), expected.errText());
        assertSame(expected, served);
        // A usage mistake: picocli's message and exit code 2, through the server as well.
        assertSame(inProcess("check"), client(socket, 0, "check"));
        // The server's one command model starts each request afresh: the files of the first call are gone.
        assertSame(expected, client(socket, 0, mixed));
        // Every call went to the one server that is still there.
        assertTrue(server.isAlive());
        String log = Files.readString(tmp.resolve("server-0.log"));
        assertEquals(1, log.lines().filter(l -> l.contains("serving")).count(), log);
        // Commands other than check are not served: the launcher runs them itself, nothing was printed.
        Result generate = client(socket, 0, "generate", FLIGHT_CONTROL, "-o", tmp.resolve("gen").toString());
        assertEquals(ServerClient.NOT_SERVED, generate.exit());
        assertEquals(0, generate.out().length + generate.err().length);
        assertFalse(Files.exists(tmp.resolve("gen")));
    }

    @Test
    void withoutAServerNothingIsPrintedAndTheLauncherIsToldNotServed() throws Exception {
        Result r = client(socketFolder().resolve("none.sock"), 0, "check", FLIGHT_CONTROL);
        assertEquals(ServerClient.NOT_SERVED, r.exit());
        assertEquals(0, r.out().length + r.err().length);
    }

    @Test
    void replacesAStaleSocketStopsWhenIdleAndASecondServerLeaves() throws Exception {
        Path socket = socketFolder().resolve("s.sock");
        // A socket file nobody listens on, as a killed server leaves it.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        assertEquals(ServerClient.NOT_SERVED, client(socket, 0, "check", FLIGHT_CONTROL).exit());
        Process server = server(socket, 2);
        Result r = client(socket, 60, "check", FLIGHT_CONTROL);
        assertEquals(0, r.exit(), r.errText());
        assertEquals(FLIGHT_CONTROL + ": 0 errors, 0 warnings\n", new String(r.out(), StandardCharsets.UTF_8));
        // A racing second server finds the first one's lock and leaves at once.
        Process second = server(socket, 60);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTrue(server.isAlive());
        // Idle for 2 s: the server removes its socket and exits.
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop when idle");
        assertEquals(0, server.exitValue());
        assertFalse(Files.exists(socket));
    }

    @Test
    void refusesASocketFolderOthersCanEnter() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Process server = server(open.resolve("s.sock"), 60);
        assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, server.exitValue());
        String log = Files.readString(tmp.resolve("server-0.log"));
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("rwx------ (0700)"), log);
        assertFalse(Files.exists(open.resolve("s.sock")));
        // A client told to wait a minute for that server gives up as soon as it sees the process gone.
        long start = System.nanoTime();
        Result r = clientOf(server.pid(), open.resolve("s.sock"), 60, "check", FLIGHT_CONTROL);
        assertEquals(ServerClient.NOT_SERVED, r.exit(), r.errText());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the client waited for a dead server");
    }
}
