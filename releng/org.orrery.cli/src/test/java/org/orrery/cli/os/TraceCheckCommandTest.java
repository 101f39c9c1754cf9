// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.image.SigningKeys;

/**
 * {@code orrery trace check} on a real run: flight-control is built into a signed image and run on the sim board
 * with a trace, then checked against itself (conforms) and against an edited copy whose windows moved (deviates).
 */
class TraceCheckCommandTest {

    private static final Path FLIGHT_CONTROL = Path.of("../../examples/flight-control").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    private static Path system;
    private static Path image;
    private static Path trace;
    private static Path pub;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeAll
    static void buildAndRunFlightControlWithATrace() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), tmp.resolve("keys"));
        pub = tmp.resolve("keys/orrery-signing.pub");
        Path copy = tmp.resolve("flight-control");
        copyTree(FLIGHT_CONTROL, copy);
        system = copy.resolve("system.orrery");
        image = tmp.resolve("fc.oimg");
        trace = tmp.resolve("fc-trace");
        TraceCheckCommandTest t = new TraceCheckCommandTest();
        assertEquals(OrreryCli.EXIT_OK, t.run("build", system.toString(), "-o", image.toString(), "--key",
                tmp.resolve("keys/orrery-signing.key").toString()), t.err.toString());
        assertEquals(OrreryCli.EXIT_OK, t.run("run", image.toString(), "--key", pub.toString(), "--duration",
                "100ms", "--trace", trace.toString()), t.err.toString());
    }

    @Test
    void aRunConformsToTheSystemItWasBuiltFrom() {
        assertEquals(OrreryCli.EXIT_OK, run("trace", "check", system.toString(), trace.toString()), err.toString());
        assertEquals("summary: 0 deviations in 14 windows on 2 cores, 0.000000000 s to 0.095000000 s, checked "
                + "against flight_control; the run conforms\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aRunConformsToItsImageVerifiedOrNot() {
        assertEquals(OrreryCli.EXIT_OK, run("trace", "check", image.toString(), trace.toString(), "--key",
                pub.toString()), err.toString());
        assertTrue(out.toString().startsWith("summary: 0 deviations"), out.toString());
        assertEquals("", err.toString());

        assertEquals(OrreryCli.EXIT_OK, run("trace", "check", image.toString(), trace.toString()), err.toString());
        assertTrue(out.toString().startsWith("summary: 0 deviations"), out.toString());
        assertEquals("orrery trace check: note: " + image + ": signature not verified (pass --key PUB to verify it)",
                err.toString().strip());
    }

    @Test
    void windowsThatMovedInTheConfigurationAreReportedOneLineEach() throws Exception {
        // The run followed the original plan; the edited plan opens maint 2 ms later on core 0 and the second
        // nav window 1 ms later on core 1, so each of the two frames traced opened both of them early.
        Path shifted = system.resolveSibling("shifted.orrery");
        String text = Files.readString(system);
        String edited = text.replace("window maint at 40 ms duration 5 ms", "window maint at 42 ms duration 5 ms")
                .replaceFirst("(core 1 major-frame 50 ms \\{[^}]*?)window nav at 25 ms", "$1window nav at 26 ms");
        assertTrue(!edited.equals(text) && edited.contains("maint at 42 ms") && edited.contains("nav at 26 ms"));
        Files.writeString(shifted, edited);

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", shifted.toString(), trace.toString()),
                err.toString());
        assertEquals(List.of(
                "[0.025000000] core 1 EARLY_START: window 6 of plan normal (partition nav) opened 1.000 ms early at "
                        + "25.000 ms",
                "[0.040000000] core 0 EARLY_START: window 3 of plan normal (partition maint) opened 2.000 ms early "
                        + "at 40.000 ms",
                "[0.075000000] core 1 EARLY_START: window 6 of plan normal (partition nav) opened 1.000 ms early at "
                        + "75.000 ms",
                "[0.090000000] core 0 EARLY_START: window 3 of plan normal (partition maint) opened 2.000 ms early "
                        + "at 90.000 ms",
                "summary: 4 deviations (EARLY_START 4) in 14 windows on 2 cores, 0.000000000 s to 0.095000000 s, "
                        + "checked against flight_control"), out.toString().lines().toList());
        assertEquals("", err.toString());
    }

    @Test
    void unreadableInputsAreNamedAndExitOne() throws Exception {
        Path none = tmp.resolve("none");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", system.toString(), none.toString()));
        assertEquals("orrery trace check: " + none + ": no such trace folder", err.toString().strip());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", system.toString(), empty.toString()));
        assertTrue(err.toString().startsWith("orrery trace check: " + empty + ": "), err.toString());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", tmp.resolve("none.oimg").toString(),
                trace.toString()));
        assertEquals("orrery trace check: " + tmp.resolve("none.oimg") + ": no such image", err.toString().strip());

        Path notAnImage = Files.writeString(tmp.resolve("text.oimg"), "hello");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", notAnImage.toString(), trace.toString()));
        assertTrue(err.toString().startsWith("orrery trace check: " + notAnImage + ": not an Orrery image"),
                err.toString());

        Path broken = Files.writeString(tmp.resolve("broken.orrery"), "system broken\nthis is not a declaration\n");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", broken.toString(), trace.toString()));
        assertTrue(err.toString().startsWith(broken + ":"), err.toString());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", tmp.resolve("x.txt").toString(),
                trace.toString()));
        assertTrue(err.toString().contains("not a system description or image"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aTraceThatLostAStreamFileIsRefusedNotPassed() throws Exception {
        Path damaged = tmp.resolve("lost-stream");
        copyTree(trace, damaged);
        Files.delete(damaged.resolve("stream_1"));

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", system.toString(), damaged.toString()));
        assertEquals("orrery trace check: " + damaged + ": no stream for core 1 (stream_1), which the schedule "
                + "gives windows: the trace is incomplete", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void aKeyThatIsADirectoryIsNamed() {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", image.toString(), trace.toString(), "--key",
                tmp.toString()));
        assertEquals("orrery trace check: " + tmp + ": is a directory", err.toString().strip());
    }

    @Test
    void runSaysWhyItCannotWriteTheTrace() throws Exception {
        Path file = Files.writeString(tmp.resolve("trace-file"), "keep");

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("run", image.toString(), "--key", pub.toString(), "--duration",
                "10ms", "--trace", file.toString()));
        assertEquals("orrery run: cannot write the trace to " + file + ": exists and is not a directory",
                err.toString().strip());
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void aTraceOfAnotherSystemIsRefusedRatherThanMisread() {
        Path other = Path.of("../../examples/satellite-obc/system.orrery").toAbsolutePath().normalize();
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", other.toString(), trace.toString()));
        assertTrue(err.toString().startsWith("orrery trace check: " + trace + ": recorded from system "
                + "'flight_control'"), err.toString());
    }

    @Test
    void usageMistakesExitTwo() {
        assertEquals(OrreryCli.EXIT_USAGE, run("trace", "check", system.toString()));
        assertEquals(OrreryCli.EXIT_USAGE, run("trace", "check", system.toString(), trace.toString(), "--key",
                pub.toString()));
        assertTrue(err.toString().contains("--key verifies an image"), err.toString());
        assertEquals(OrreryCli.EXIT_USAGE, run("trace", "check", system.toString(), trace.toString(), "--tolerance",
                "soon"));
    }

    @Test
    void aToleranceAbsorbsSmallShifts() throws Exception {
        Path shifted = system.resolveSibling("shifted-nav.orrery");
        Files.writeString(shifted, Files.readString(system)
                .replaceFirst("(core 1 major-frame 50 ms \\{[^}]*?)window nav at 25 ms", "$1window nav at 26 ms"));
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "check", shifted.toString(), trace.toString()));
        assertEquals(OrreryCli.EXIT_OK, run("trace", "check", shifted.toString(), trace.toString(), "--tolerance",
                "1ms"), out + "\n" + err);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
