// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.testing.NetworkNamespace;

/**
 * A board as integrators meet it: `orrery agent` in a process of its own, on its own network (a network namespace
 * joined by a veth pair where this machine allows, loopback otherwise), driven by the CLI: authorise, add with the
 * printed fingerprint, flash the flight-control example until it is confirmed good, flash a broken build that rolls
 * back by itself, refuse a stranger's key, and boot the good image again after the agent is killed.
 */
class AgentEndToEndTest {

    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private NetworkNamespace ns;
    private AgentProcess agent;

    @BeforeEach
    void home() throws Exception {
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

    /** This user's client key fingerprint, as `orrery boards whoami` prints it. */
    private String whoami() {
        assertEquals(OrreryCli.EXIT_OK, run("boards", "whoami"), err.toString());
        return out.toString().lines().filter(l -> l.contains("SHA256:")).findFirst().orElseThrow()
                .replaceAll(".*(SHA256:\\S+).*", "$1");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void flashConfirmRollBackRefuseAndPowerOn() throws Exception {
        Path good = build(EXAMPLES.resolve("flight-control"), "good.oimg", 1);
        Path broken = build(brokenFlightControl(), "broken.oimg", 1);
        Path slots = tmp.resolve("board");

        String me = whoami();
        assertEquals(OrreryCli.EXIT_OK, run("agent", "authorize", "--slots", slots.toString(), me, "--roles",
                "flash,monitor", "--name", "ci"), err.toString());

        String[] board = startAgent(slots);
        String address = board[0];
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", address, "--fingerprint", board[1]), err.toString());
        assertTrue(out.toString().contains("nothing running"), "a new board runs nothing yet:\n" + out);

        assertEquals(OrreryCli.EXIT_OK, run("flash", good.toString(), "--board", "bench"), err + "\n" + agentLog());
        assertTrue(out.toString().contains("confirmed good"), out.toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "list"), err.toString());
        assertTrue(out.toString().contains("flight_control"), out.toString());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", broken.toString(), "--board", "bench"), out.toString());
        assertTrue(err.toString().contains("rolled back"), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "list"), err.toString());
        String list = out.toString();
        assertTrue(list.contains("=bad("), "the broken image's slot is marked bad:\n" + list);
        assertTrue(list.contains("=good*(flight_control"), "the good image is selected and runs again:\n" + list);

        // a key the board was never told about: refused, and the board logs who knocked
        System.setProperty("orrery.home", tmp.resolve("stranger").toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", address, "--fingerprint", board[1]), err.toString());
        assertTrue(out.toString().contains("not authorised"), out.toString());
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", good.toString(), "--board", "bench"), out.toString());
        assertTrue(err.toString().contains("`orrery boards whoami`"), err.toString());
        System.setProperty("orrery.home", tmp.resolve("home").toString());
        assertTrue(Files.readString(slots.resolve("agent.log")).lines().anyMatch(l -> l.contains("refused")),
                "the audit log names the refused key:\n" + Files.readString(slots.resolve("agent.log")));

        // power loss: the agent is killed; at its next start it boots the confirmed image again
        agent.kill();
        String[] again = startAgent(slots);
        assertEquals(board[1], again[1], "the board keeps its identity across restarts");
        run("boards", "remove", "bench");
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", again[0], "--fingerprint", again[1]), err.toString());
        assertTrue(out.toString().contains("flight_control"), "the confirmed image runs after power on:\n" + out);
    }

    @Test
    void operateAPartitionAndThePlanWhileMonitoring() throws Exception {
        Path good = build(EXAMPLES.resolve("flight-control"), "good.oimg", 1);
        Path slots = tmp.resolve("board");
        String me = whoami();
        assertEquals(OrreryCli.EXIT_OK, run("agent", "authorize", "--slots", slots.toString(), me, "--roles",
                "flash,monitor,operate", "--name", "ci"), err.toString());
        String[] board = startAgent(slots);
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", board[0], "--fingerprint", board[1]), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("flash", good.toString(), "--board", "bench"), err + "\n" + agentLog());
        long confirmedAt = System.nanoTime();

        // `orrery monitor` beside the requests, as an integrator would run it in another terminal; it has subscribed
        // once it printed the board's status. It runs until what is checked below has come (a cold-started partition
        // JVM reaches NORMAL later on a loaded host), then it is interrupted as Ctrl-C would; 60 s is a backstop.
        StringWriter monitorOut = new StringWriter();
        Thread monitor = new Thread(() -> OrreryCli.commandLine(new PrintWriter(monitorOut, true),
                new PrintWriter(new StringWriter(), true)).execute("monitor", "bench", "--duration", "60s"));
        monitor.start();
        awaitMonitor(monitor, monitorOut, seen -> !seen.isEmpty());

        long t0 = System.nanoTime();
        assertEquals(OrreryCli.EXIT_OK, run("partition", "stop", "bench", "display"), err.toString());
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("board bench: display IDLE", out.toString().strip());
        Thread.sleep(500);
        assertEquals(OrreryCli.EXIT_OK, run("partition", "start", "bench", "display"), err.toString());
        assertEquals("board bench: display COLD_START", out.toString().strip());
        // flight-control's maint partition itself holds the maintenance plan from 4 s to 6 s of board time (paced to
        // real time since the boot, which came before the confirmation): switch once that scenario is over, or the
        // board rightly answers that maintenance is already the plan. A board behind wall time (a loaded host) may
        // not be there at 6.5 s: then the monitor has shown the switch to maintenance and not yet the one back.
        Thread.sleep(Math.max(0, 6_500 - (System.nanoTime() - confirmedAt) / 1_000_000));
        awaitMonitor(monitor, monitorOut, s -> lastPlan(s, 0).equals("normal") && lastPlan(s, 1).equals("normal"));
        assertEquals(OrreryCli.EXIT_OK, run("plan", "switch", "bench", "maintenance"), err.toString());
        assertEquals("board bench: plan maintenance at the end of the major frame", out.toString().strip());
        System.out.println("[agent-control] orrery partition stop (connect, request, answer): " + stopMs + " ms");

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("partition", "stop", "bench", "radar"));
        assertEquals("orrery partition stop: board bench refused CONTROL stop radar (refused): no partition 'radar' on "
                + "this board (partitions: fcs, nav, display, datalink, maint)", err.toString().strip());
        awaitMonitor(monitor, monitorOut, s -> displayModes(s).contains("display NORMAL") && s.contains("OPERATOR: ci(")
                && s.contains(" CPU nav ") && lastPlan(s, 0).equals("maintenance") && lastPlan(s, 1).equals("maintenance"));
        monitor.interrupt();
        monitor.join(10_000);

        String seen = monitorOut.toString();
        List<String> modes = displayModes(seen);
        assertEquals(List.of("display IDLE", "display COLD_START", "display NORMAL"), modes, seen);
        assertTrue(seen.lines().anyMatch(l -> l.matches(".* CPU nav \\d+\\.\\d\\d of \\d+\\.\\d\\d ms \\(.*%\\) NORMAL")),
                "the monitor shows each partition's CPU use per window:\n" + seen);
        assertTrue(seen.contains("OPERATOR: ci("), "the console names who operated the board:\n" + seen);
        assertTrue(seen.lines().anyMatch(l -> l.endsWith(" PLAN normal -> maintenance on core 1")),
                "the monitor shows each core's plan switch:\n" + seen);
        String audit = Files.readString(slots.resolve("agent.log"));
        assertTrue(audit.lines().anyMatch(l -> l.contains("ci(") && l.contains("CONTROL stop display")
                && l.endsWith("done: display IDLE")), audit);

        // a key with every role but 'operate' is refused, and the board logs who asked
        System.setProperty("orrery.home", tmp.resolve("watcher").toString());
        String watcher = whoami();
        assertEquals(OrreryCli.EXIT_OK, run("agent", "authorize", "--slots", slots.toString(), watcher, "--roles",
                "flash,monitor,debug", "--name", "watcher"), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", board[0], "--fingerprint", board[1]), err.toString());
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("partition", "restart", "bench", "nav"));
        assertTrue(err.toString().startsWith("orrery partition restart: board bench refused CONTROL restart nav "
                + "(unauthorised): client watcher lacks the role 'operate' needed for CONTROL"), err.toString());
        System.setProperty("orrery.home", tmp.resolve("home").toString());
        assertTrue(Files.readString(slots.resolve("agent.log")).lines().anyMatch(l -> l.contains("watcher(")
                && l.contains("CONTROL restart nav") && l.endsWith("refused unauthorised: needs role operate")));
    }

    @Test
    void monitorShowsTheStatusLineThenTheHealthMonitorEventsOfAFlashedImage() throws Exception {
        Path good = build(EXAMPLES.resolve("flight-control"), "good.oimg", 1);
        Path broken = build(brokenFlightControl(), "broken.oimg", 1);
        Path slots = tmp.resolve("board");
        String me = whoami();
        assertEquals(OrreryCli.EXIT_OK, run("agent", "authorize", "--slots", slots.toString(), me, "--roles",
                "flash,monitor", "--name", "ci"), err.toString());
        String[] board = startAgent(slots);
        assertEquals(OrreryCli.EXIT_OK, run("boards", "add", "bench", board[0], "--fingerprint", board[1]), err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("flash", good.toString(), "--board", "bench"), err + "\n" + agentLog());

        // `orrery monitor` on the real SlotBoard, in another terminal, until the board goes away
        StringWriter monitorOut = new StringWriter();
        StringWriter monitorErr = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread monitor = new Thread(() -> exit.set(OrreryCli.commandLine(new PrintWriter(monitorOut, true),
                new PrintWriter(monitorErr, true)).execute("monitor", "bench")));
        monitor.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (monitorOut.toString().isEmpty() && monitor.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the display partition of this build throws in its initialisation: the health monitor acts, the trial fails
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("flash", broken.toString(), "--board", "bench"), out.toString());
        assertTrue(err.toString().contains("rolled back"), err.toString());
        agent.kill();
        monitor.join(15_000);

        List<String> seen = monitorOut.toString().lines().toList();
        String hash = digest(good).substring(0, 12);
        assertTrue(!seen.isEmpty() && seen.get(0).matches("sim: running flight_control \\S+ " + hash
                + " from slot a; slots a=good\\*\\(flight_control \\S+ " + hash + "\\) b=empty"),
                "the first line is the board's status when the monitor started:\n" + monitorOut);
        assertTrue(seen.stream().anyMatch(l -> l.matches("\\S+ HM display APPLICATION_ERROR \\S+")),
                "the flashed image's health-monitor event, as the board's kernel reported it:\n" + monitorOut);
        assertTrue(seen.stream().anyMatch(l -> l.matches("\\S+ SLOT slot b rolled back: .*")),
                "and the rollback it caused:\n" + monitorOut);
        int hm = indexOf(seen, " HM display ");
        assertTrue(hm > 0 && hm < indexOf(seen, " SLOT slot b rolled back"), "the HM event comes after the status line and before the rollback:\n" + monitorOut);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, exit.get(), "a board that goes away ends the monitor with an error");
        assertTrue(monitorErr.toString().startsWith("orrery monitor: board bench "), monitorErr.toString());
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** Boards name an image by the digest it declares (and its signature covers). */
    private static String digest(Path f) throws Exception {
        return org.orrery.os.image.ImageVerifier.declaredDigest(f);
    }

    /** Builds a signed image of the system in {@code dir}. */
    private Path build(Path dir, String name, int counter) {
        Path image = tmp.resolve(name);
        assertEquals(OrreryCli.EXIT_OK, run("build", dir.resolve("system.orrery").toString(), "-o", image.toString(),
                "--key", tmp.resolve("keys/orrery-signing.key").toString(), "--security-counter", Integer.toString(counter)),
                err.toString());
        return image;
    }

    /** flight-control whose display partition fails in its initialisation, every time it starts. */
    private Path brokenFlightControl() throws IOException {
        Path copy = tmp.resolve("broken-flight-control");
        try (Stream<Path> files = Files.walk(EXAMPLES.resolve("flight-control"))) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(EXAMPLES.resolve("flight-control").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path display = copy.resolve("apps/display/org/orrery/examples/flightcontrol/display/Display.java");
        String source = Files.readString(display);
        String broken = source.replace("        p.setMode(PartitionMode.NORMAL);",
                "        if (p != null) {\n            throw new IllegalStateException(\"display broken on purpose\");\n        }\n"
                        + "        p.setMode(PartitionMode.NORMAL);");
        assertTrue(!broken.equals(source), "the display's initialisation is where the test expects it");
        Files.writeString(display, broken);
        return copy;
    }

    /** Starts `orrery agent`; returns its address and fingerprint. */
    private String[] startAgent(Path slots) throws Exception {
        agent = AgentProcess.start(ns, slots, tmp.resolve("keys/orrery-signing.pub"),
                tmp.resolve("agent-" + System.nanoTime() + ".out"));
        return new String[] {agent.address(), agent.fingerprint()};
    }

    private String agentLog() throws IOException {
        return agent == null ? "" : "agent output:\n" + Files.readString(agent.output());
    }

    /** The plan core {@code core} last switched to in the monitor's output ("normal" before any switch). */
    private static String lastPlan(String monitorOutput, int core) {
        String suffix = " on core " + core;
        return monitorOutput.lines().filter(l -> l.contains(" PLAN ") && l.endsWith(suffix))
                .map(l -> l.substring(l.indexOf(" -> ") + 4, l.length() - suffix.length()))
                .reduce((a, b) -> b).orElse("normal");
    }

    private static List<String> displayModes(String monitorOutput) {
        return monitorOutput.lines().filter(l -> l.contains(" MODE display ")).map(l -> l.replaceAll(".* MODE ", ""))
                .toList();
    }

    /**
     * Waits until the monitor's output so far satisfies {@code done}, the monitor ended, or 60 s passed (the assertions
     * then say what is missing).
     */
    private static void awaitMonitor(Thread monitor, StringWriter monitorOut, java.util.function.Predicate<String> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.test(monitorOut.toString()) && monitor.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
