// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.testing.NetworkNamespace;
import org.orrery.os.trace.ctf.CtfEvent;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfTrace;

/**
 * `orrery trace live` against a real agent (own process, own network namespace where possible, mutual TLS) running
 * the flight-control example on the sim board: the saved directory is a trace babeltrace2 reads with the same
 * events, in the same order, as Orrery's reader; nothing is discarded at the example's rate; `orrery trace check`
 * accepts it; a board process that dies ends the stream with the reason (exit 1); a key without the monitor role
 * is refused.
 */
class TraceLiveEndToEndTest {

    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
    private static final Pattern SUMMARY = Pattern.compile("trace live: (\\d+) events in (\\d+) packets, (\\d+) discarded");
    private static final Pattern BABELTRACE = Pattern.compile("^\\[(\\d+)\\] \\([^)]*\\) (\\w+): \\{ cpu_id = (\\d+) \\}");

    /** The length of a live session at the example's event rate (the board runs in real time). */
    private static final int LIVE_SECONDS = Integer.getInteger("orrery.test.liveSeconds", 60);

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private NetworkNamespace ns;
    private AgentProcess agent;

    @BeforeEach
    void home() throws Exception {
        Babeltrace.assumeAvailable();
        System.setProperty("orrery.home", tmp.resolve("home").toString());
        SigningKeys.writePair(SigningKeys.generate(), tmp.resolve("keys"));
        if (NetworkNamespace.available()) {
            ns = NetworkNamespace.create();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.kill();
        }
        if (ns != null) {
            ns.close();
        }
        System.clearProperty("orrery.home");
    }

    @Test
    void savesALiveTraceThatBabeltraceReadsAsOrreryDoes() throws Exception {
        Path image = tmp.resolve("fc.oimg");
        assertEquals(OrreryCli.EXIT_OK, run("build", EXAMPLES.resolve("flight-control/system.orrery").toString(), "-o",
                image.toString(), "--key", tmp.resolve("keys/orrery-signing.key").toString()), err.toString());
        Path slots = tmp.resolve("board");
        authorize(slots, "ci", "flash,monitor");
        String[] board = startAgent(slots);
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", board[0], "--fingerprint", board[1]), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("flash", image.toString(), "--board", "bench"), err.toString());

        Path saved = tmp.resolve("live");
        assertEquals(OrreryCli.EXIT_OK, run("trace", "live", "bench", "-o", saved.toString(), "--duration", LIVE_SECONDS + "s"),
                err + "\n" + out);
        Matcher m = SUMMARY.matcher(out.toString());
        assertTrue(m.find(), out.toString());
        long events = Long.parseLong(m.group(1));
        assertEquals(0, Long.parseLong(m.group(3)), "nothing discarded at the example's rate: " + out);
        assertTrue(events > 30L * LIVE_SECONDS, LIVE_SECONDS + " s of flight-control hold more than 30 events a second: "
                + out);
        System.out.println("TraceLiveEndToEndTest: " + out.toString().strip());

        CtfTrace ours = CtfReader.read(saved);
        assertEquals(events, ours.eventCount(), "the summary counts what was saved");
        assertEquals(0, ours.discarded());
        // the running system's configuration lies beside the streams, as in a run's trace folder: the Timeline
        // (which follows such a folder while it grows) and trace check open it
        assertEquals("flight_control", org.orrery.trace.analysis.TraceFolder.config(saved).name());
        Babeltrace.Result bt = Babeltrace.read(saved, List.of("--clock-cycles"));
        assertEquals(0, bt.exit(), bt.stderr());
        assertEquals(events, bt.lines().size(), bt.stderr());
        assertTrue(bt.lines().stream().anyMatch(l -> l.contains("\"fcs\"")),
                "the live trace names its partitions as a run's trace does: " + bt.lines().get(0));
        // babeltrace2 merges the cores by time: per core, its events and their order must be Orrery's
        Map<Integer, List<String>> theirs = new TreeMap<>();
        long last = -1;
        for (String line : bt.lines()) {
            Matcher l = BABELTRACE.matcher(line);
            assertTrue(l.find(), line);
            long ts = Long.parseLong(l.group(1));
            assertTrue(ts >= last, "babeltrace2 prints in time order: " + line);
            last = ts;
            theirs.computeIfAbsent(Integer.parseInt(l.group(3)), k -> new ArrayList<>()).add(ts + " " + l.group(2));
        }
        Map<Integer, List<String>> mine = new TreeMap<>();
        for (var s : ours.streams()) {
            for (CtfEvent e : s.events()) {
                mine.computeIfAbsent(e.core(), k -> new ArrayList<>()).add(e.timestampNs() + " " + e.name());
            }
        }
        assertEquals(mine, theirs);

        assertEquals(OrreryCli.EXIT_OK, run("trace", "check", image.toString(), saved.toString()), out + "\n" + err);

        // the board process dies under a follower: the stream ends with the reason, what arrived is a trace
        Path cut = tmp.resolve("cut");
        var following = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> run("trace", "live", "bench", "-o", cut.toString(), "--duration", "60s"));
        for (int i = 0; i < 300 && !Files.exists(cut.resolve("metadata")); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        ProcessHandle child = agent.process().descendants().filter(TraceLiveEndToEndTest::bootChild).findFirst()
                .orElseThrow(() -> new AssertionError("no boot child under the agent"));
        child.destroyForcibly();
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, following.get(30, TimeUnit.SECONDS), out.toString());
        assertTrue(err.toString().contains("board process ended"), err.toString());
        assertTrue(SUMMARY.matcher(out.toString()).find(), "the summary comes even so: " + out);
        assertEquals(0, Babeltrace.read(cut).exit(), "what arrived before the end is a trace babeltrace2 reads");
        CtfReader.read(cut);

        // a key allowed to flash but not to monitor gets no trace
        System.setProperty("orrery.home", tmp.resolve("flasher").toString());
        authorize(slots, "flasher", "flash");
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", board[0], "--fingerprint", board[1]), err.toString());
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "live", "bench", "-o", tmp.resolve("refused").toString(),
                "--duration", "1s"), out.toString());
        assertTrue(err.toString().contains("lacks the role 'monitor'"), err.toString());
    }

    private static boolean bootChild(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
                    .contains("slots.internal.BootMain");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** Authorises the current user's key on the board with these roles. */
    private void authorize(Path slots, String name, String roles) {
        assertEquals(OrreryCli.EXIT_OK, run("boards", "whoami"), err.toString());
        String me = out.toString().lines().filter(l -> l.contains("SHA256:")).findFirst().orElseThrow()
                .replaceAll(".*(SHA256:\\S+).*", "$1");
        assertEquals(OrreryCli.EXIT_OK, run("agent", "authorize", "--slots", slots.toString(), me, "--roles", roles,
                "--name", name), err.toString());
    }

    /** Starts `orrery agent`; returns its address and fingerprint. */
    private String[] startAgent(Path slots) throws Exception {
        agent = AgentProcess.start(ns, slots, tmp.resolve("keys/orrery-signing.pub"), tmp.resolve("agent.out"));
        return new String[] {agent.address(), agent.fingerprint()};
    }
}
