// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.cli.OrreryCli;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.toolchain.Boards;
import org.orrery.toolchain.Run;

/** Every example with applications is built into a signed image and run on the sim board, as a user would. */
class ExamplesEndToEndTest {

    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
    /** Runs of the determinism check (the issue asks for 100; about 9 s here). */
    private static final int RUNS = Integer.getInteger("orrery.determinism.runs", 100);

    @TempDir
    static Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void keys() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), tmp.resolve("keys"));
    }

    static Stream<String> examples() throws Exception {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("system.orrery")) && Files.isDirectory(d.resolve("apps")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theExamplesWithApplicationsAreFound() throws Exception {
        Set<String> found = new TreeSet<>(examples().toList());
        assertTrue(found.containsAll(Set.of("flight-control", "mixed-criticality", "satellite-obc", "wan-router")),
                found.toString());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void buildsSignsRunsAndTracesCleanly(String name) throws Exception {
        Path image = tmp.resolve(name + ".oimg");
        Path trace = tmp.resolve(name + "-trace");
        assertEquals(OrreryCli.EXIT_OK, run("build", EXAMPLES.resolve(name).resolve("system.orrery").toString(),
                "-o", image.toString(), "--key", tmp.resolve("keys/orrery-signing.key").toString()), err.toString());
        assertTrue(err.toString().isBlank(), "no warnings: every partition has its application\n" + err);

        assertEquals(OrreryCli.EXIT_OK, run("run", image.toString(), "--board", "sim", "--duration", "2s", "--trace",
                trace.toString(), "--key", tmp.resolve("keys/orrery-signing.pub").toString()), err.toString());
        String o = out.toString();
        assertTrue(o.contains("time 2.000000000 s"), o);
        assertTrue(o.contains("overruns 0, deadline misses 0, HM events " + scriptedFaultsWithin2s(name)), o);
        assertTrue(!o.contains("=IDLE") && !o.contains("SHUT DOWN"), o);

        long events = CtfReader.read(trace).eventCount();
        assertTrue(o.contains("trace: " + events + " events"), o);
        Babeltrace.assumeAvailable();
        Babeltrace.Result bt = Babeltrace.read(trace);
        assertEquals(0, bt.exit(), bt.stderr());
        assertEquals(events, bt.lines().size(), "babeltrace2 reads every event of " + name);
        String firstWindow = bt.lines().stream().filter(l -> l.contains("window_start:")).findFirst().orElseThrow();
        assertTrue(firstWindow.matches(".*partition = \\( \"\\w+\" : container = \\d+ \\).*plan = \\( \"\\w+\".*"),
                "babeltrace2 shows names: " + firstWindow);
    }

    /** satellite-obc's fdir partition plays apps/fdir/faults.txt: its first two faults fall in a 2 s run. */
    private static int scriptedFaultsWithin2s(String example) {
        return example.equals("satellite-obc") ? 2 : 0;
    }

    @Test
    void satelliteFaultDrillTakesEveryScriptedHealthMonitorAction() {
        assertEquals(OrreryCli.EXIT_OK, run("run", EXAMPLES.resolve("satellite-obc/system.orrery").toString(),
                "--duration", "6s"), err.toString());
        String o = out.toString();
        for (String action : List.of("APPLICATION_ERROR -> PROCESS IGNORE", "NUMERIC_ERROR -> PROCESS LOG",
                "DEADLINE_MISSED -> PROCESS RESTART_PROCESS", "STACK_OVERFLOW -> PARTITION WARM_START_PARTITION",
                "MEMORY_VIOLATION -> PARTITION COLD_START_PARTITION", "HARDWARE_FAULT -> MODULE SWITCH_PLAN",
                "WATCHDOG -> MODULE RESET_MODULE", "ILLEGAL_REQUEST -> PARTITION IDLE_PARTITION")) {
            assertTrue(o.contains("fdir/injector " + action), action + "\n" + o);
        }
        // The safe-mode plan does not schedule the payload, so its software watchdog expires while the drill
        // holds the module in safe mode; the partition-level table cold-starts it.
        assertTrue(o.contains("payload WATCHDOG -> PARTITION COLD_START_PARTITION"), o);
        assertTrue(o.contains("fdir: fdir WARM_START") && o.contains("resets 1"), o);
        assertTrue(o.contains("fdir=IDLE") && o.contains("overruns 0, deadline misses 0"), o);
    }

    @Test
    void flightControlConsoleShowsTheDataFlowAndPlanSwitches() {
        assertEquals(OrreryCli.EXIT_OK, run("run", EXAMPLES.resolve("flight-control/system.orrery").toString(),
                "--duration", "7s"), err.toString());
        String o = out.toString();
        assertTrue(o.contains("nav: navigation up"), o);
        assertTrue(o.contains("display: PFD #"), o);
        assertTrue(o.contains("maint: event from fcs: heading 135"), o);
        assertTrue(o.contains("maint: requesting maintenance plan: accepted"), o);
        assertTrue(o.contains("maint: requesting normal plan: accepted"), o);
        // Two switches (to maintenance and back), each taken by both cores.
        assertTrue(o.contains("plan switches 2, "), o);
        assertTrue(o.contains("plan switches per core: core 0 2, core 1 2"), o);
    }

    @Test
    void flightControlRunsGiveOneTraceHash() throws Exception {
        Path image = tmp.resolve("fc-determinism.oimg");
        assertEquals(OrreryCli.EXIT_OK, run("build", EXAMPLES.resolve("flight-control/system.orrery").toString(),
                "-o", image.toString(), "--key", tmp.resolve("keys/orrery-signing.key").toString()), err.toString());
        var trusted = SigningKeys.readPublic(tmp.resolve("keys/orrery-signing.pub"));
        // each distinct trace with the first run that gave it and that run's report (HM events, overruns), so that
        // a difference says what happened
        Map<String, String> hashes = new TreeMap<>();
        for (int i = 0; i < RUNS; i++) {
            LoadedImage loaded = LoadedImage.load(image, trusted, 0);
            Path dir = tmp.resolve("det-" + i);
            Run.Outcome out = Run.of(loaded, Boards.named("sim").orElseThrow()).traceTo(dir).run(1_000_000_000L);
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String f : List.of("metadata", "stream_0", "stream_1")) {
                d.update(Files.readAllBytes(dir.resolve(f)));
            }
            hashes.putIfAbsent(HexFormat.of().formatHex(d.digest()), "run " + i + ":\n" + out.report());
        }
        assertEquals(1, hashes.size(), RUNS + " runs gave " + hashes.size() + " different traces:\n"
                + String.join("\n", hashes.values()));
        assertTrue(ImageVerifier.inspect(Files.readAllBytes(image), "x").applicationPartitions().size() == 5);
    }

    @Test
    void buildingTwiceGivesTheSameImageBytes() throws Exception {
        String key = tmp.resolve("keys/orrery-signing.key").toString();
        String system = EXAMPLES.resolve("satellite-obc/system.orrery").toString();
        assertEquals(OrreryCli.EXIT_OK, run("build", system, "-o", tmp.resolve("a.oimg").toString(), "--key", key),
                err.toString());
        assertEquals(OrreryCli.EXIT_OK, run("build", system, "-o", tmp.resolve("b.oimg").toString(), "--key", key),
                err.toString());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a.oimg")),
                Files.readAllBytes(tmp.resolve("b.oimg"))), "same inputs, same bytes");
    }
}
