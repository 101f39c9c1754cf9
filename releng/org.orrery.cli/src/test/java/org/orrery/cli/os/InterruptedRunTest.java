// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.trace.ctf.CtfEvent;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfTrace;

/**
 * {@code orrery run --trace DIR} in its own JVM, stopped by a real signal as Ctrl-C or a CI timeout stops it: the
 * trace folder must read, with our reader and with babeltrace2, up to the moment the run stopped.
 */
class InterruptedRunTest {

    private static final Path SYSTEM = Path.of("../../examples/flight-control/system.orrery").toAbsolutePath()
            .normalize();
    /** Generous: the child compiles the system and its applications first, on a machine shared with builds. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A console line one board-second into the run: "[1.xxxxxxxxx] source: text". */
    private static final Pattern ONE_SECOND_IN = Pattern.compile("(?m)^\\[1\\.\\d{9}\\] ");
    private static final Pattern STOPPED = Pattern.compile("stopped on request at (\\d+) ms of board time");
    private static final Pattern EVENTS = Pattern.compile("trace: (\\d+) events in ");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 2", "TERM, 15"})
    void aRunStoppedByASignalLeavesATraceThatReadsUpToTheStop(String signal, int number) throws Exception {
        Path trace = tmp.resolve("trace");
        Path stdout = tmp.resolve("stdout");
        Path stderr = tmp.resolve("stderr");
        Process orrery = start(stdout, stderr, "run", SYSTEM.toString(), "--duration", "60m", "--trace",
                trace.toString());
        try {
            awaitOutput(orrery, stdout, stderr);
            signal(orrery, signal);
            assertTrue(orrery.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "exits after SIG" + signal);
        } finally {
            orrery.destroyForcibly();
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(128 + number, orrery.exitValue(), "the JVM reports the signal\n" + err);

        // The run was asked to stop, finished its slice of board time and printed its summary.
        Matcher stopped = STOPPED.matcher(out);
        assertTrue(stopped.find(), out + err);
        long stoppedAtNs = Long.parseLong(stopped.group(1)) * 1_000_000L;
        assertTrue(stoppedAtNs >= 1_000_000_000L, out);

        CtfTrace read = CtfReader.read(trace);
        Matcher events = EVENTS.matcher(out);
        assertTrue(events.find(), out);
        assertEquals(Long.parseLong(events.group(1)), read.eventCount(), "every event the run reported is on disk");
        List<CtfEvent> all = read.eventsInTimeOrder();
        long last = all.getLast().timestampNs();
        // The open packets were flushed at the stop, not dropped: the last event lies within the last 10 ms slice
        // (a full packet of 4096 events spans far more than that).
        assertTrue(last > stoppedAtNs - 20_000_000L && last <= stoppedAtNs, last + " vs " + stoppedAtNs);
        assertTrue(Files.isRegularFile(trace.resolve(ConfigFormat.TRACE_COMPANION_FILE)),
                "the configuration that names the events is there too");

        Babeltrace.assumeAvailable();
        Babeltrace.Result bt = Babeltrace.read(trace);
        assertEquals(0, bt.exit(), bt.stderr());
        assertEquals(read.eventCount(), bt.lines().size(), "babeltrace2 reads every event");
    }

    /**
     * The CLI's main class on this test's class path, in a JVM of its own. Through perl so that SIGINT and SIGTERM
     * have their default action in the child: a build started in the background without job control hands its
     * children SIGINT ignored, and a JVM keeps an ignored SIGINT ignored.
     */
    private static Process start(Path stdout, Path stderr, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("perl", "-e",
                "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.orrery.cli.OrreryCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    private static void awaitOutput(Process p, Path stdout, Path stderr) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!ONE_SECOND_IN.matcher(Files.readString(stdout, StandardCharsets.UTF_8)).find()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no console output one board-second into the run:\n"
                        + Files.readString(stdout) + Files.readString(stderr));
            }
            Thread.sleep(50);
        }
    }

    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -s " + signal);
    }
}
