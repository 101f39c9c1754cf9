// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.os.api.ProcessState;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.trace.WatchdogKind;
import org.orrery.os.trace.ctf.CtfEvent;
import org.orrery.os.trace.ctf.CtfReader;

/** The pipeline steps on a real example: compile → build → run on the sim board → CTF folder. */
class ToolchainTest {

    private static final Path FLIGHT_CONTROL =
            Path.of("../../examples/flight-control/system.orrery").toAbsolutePath().normalize();
    private static final long MS = 1_000_000L;
    private static final BoardSupport SIM = Boards.named(SimBoardSupport.NAME).orElseThrow();

    @TempDir
    Path dir;

    @Test
    void compilesBuildsRunsAndTracesFlightControl() throws Exception {
        Compiled compiled = Compile.create().system(FLIGHT_CONTROL);
        assertFalse(compiled.hasErrors(), () -> compiled.diagnostics().toString());
        assertTrue(Build.constantsPerPartition(compiled.config().orElseThrow()).get("fcs").keySet().stream()
                .anyMatch(p -> p.endsWith("FcsConfig.java")), "fcs compiles against its own constants");

        Build.Loaded built = Build.of(compiled).inMemory();
        assertEquals("flight_control", built.image().config().name());

        Path trace = BuildLayout.defaultTraceDir(dir, built.image().config());
        List<String> console = new ArrayList<>();
        Run.Outcome out = Run.of(built.image(), SIM).echo(console::add).traceTo(trace).run(200 * MS);
        assertEquals(200 * MS, out.summary().endTimeNs());
        assertEquals(0, out.summary().overruns());
        assertFalse(out.stopped());
        assertTrue(out.traceEvents() > 0);
        assertEquals(out.traceEvents(), CtfReader.read(trace).eventCount(), "everything written reads back");
        assertTrue(Files.exists(trace.resolve(ConfigFormat.TRACE_COMPANION_FILE)), "configuration beside the trace");
        assertFalse(console.isEmpty(), "console lines are echoed as they are printed");
        assertTrue(out.report().startsWith("--- schedule summary (sim board, flight_control) ---\n"
                + out.summary().format()), out.report());
        assertTrue(out.report().endsWith("trace: " + out.traceEvents() + " events in " + trace
                + " (CTF 1.8; `orrery trace dump " + trace + "` or babeltrace2)\n"), out.report());
    }

    /** Every partition, process, port, plan, state and watchdog number of a real run's trace reads as its configured name. */
    @Test
    void theTraceNamesWhatItsNumbersReferTo() throws Exception {
        Build.Loaded built = Build.of(Compile.create().system(FLIGHT_CONTROL)).inMemory();
        var config = built.image().config();
        Path trace = dir.resolve("trace");
        Run.of(built.image(), SIM).traceTo(trace).run(200 * MS);
        Set<String> seen = new TreeSet<>();
        for (CtfEvent e : CtfReader.read(trace).eventsInTimeOrder()) {
            List<String> fields = e.eventClass().fieldNames();
            for (int i = 0; i < fields.size(); i++) {
                String expected = switch (fields.get(i)) {
                    case "partition" -> e.field(i) == -1 ? "module" : config.partitions().get((int) e.field(i)).name();
                    case "process" -> e.field(i) == -2 ? "init" : e.field(i) == -3 ? "error_handler"
                            : config.partitions().get((int) e.f0()).processes().get((int) e.field(i)).name();
                    case "port" -> config.partitions().get((int) e.f0()).ports().get((int) e.field(i)).name();
                    case "plan" -> config.plans().get((int) e.field(i)).name();
                    case "state" -> ProcessState.values()[(int) e.field(i)].name();
                    case "watchdog" -> WatchdogKind.values()[(int) e.field(i)].name();
                    default -> null;
                };
                if (expected != null) {
                    assertEquals(expected, e.eventClass().label(i, e), e.toString());
                    seen.add(fields.get(i));
                }
            }
        }
        assertEquals(Set.of("partition", "process", "port", "plan", "state", "watchdog"), seen,
                "a run that has them all");
    }

    @Test
    void stopEndsTheRunEarlyAndTheReportSaysSo() throws Exception {
        Build.Loaded built = Build.of(Compile.create().system(FLIGHT_CONTROL)).inMemory();
        AtomicInteger asked = new AtomicInteger();
        Run.Outcome out = Run.of(built.image(), SIM).stopWhen(() -> asked.incrementAndGet() > 5).run(10_000 * MS);
        assertTrue(out.summary().endTimeNs() <= 60 * MS,
                "stopped after a few 10 ms slices, not at 10 s: " + out.summary().endTimeNs());
        assertTrue(out.stopped());
        assertNull(out.traceDir());
        assertTrue(out.report().contains("stopped on request at " + out.summary().endTimeNs() / MS + " ms"), out.report());
    }

    @Test
    void aFileWithoutASystemIsANoSystemErrorForStepsThatNeedOne() throws Exception {
        Path part = dir.resolve("part.orrery");
        Files.writeString(part, "// a part other files import\nregion shm at 0x1000_0000 size 4 KiB\n");
        Compiled compiled = Compile.create().system(part);
        assertEquals(List.of(new Diagnostic(part, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.NO_SYSTEM,
                "The file declares no 'system': it can only be imported by a file that does.")), compiled.diagnostics());
        assertTrue(compiled.config().isEmpty());
        assertEquals(List.of(), Compile.create().check(part).diagnostics(), "checking a part alone is no error");
        assertThrows(IllegalArgumentException.class, () -> Build.of(compiled));
    }

    /** Not even a part: checking it must not pass, whichever step is asked. */
    @Test
    void aFileThatDeclaresNothingIsAnErrorForEveryStep() throws Exception {
        for (String text : new String[] {"", "// only a comment\n", "hello world this is not orrery\n", "{{{{\n", "123 456\n"}) {
            Path f = dir.resolve("nothing.orrery");
            Files.writeString(f, text);
            for (Compiled c : List.of(Compile.create().check(f), Compile.create().system(f))) {
                assertTrue(c.hasErrors(), text + ": " + c.diagnostics());
                assertTrue(c.errors().get(0).format().startsWith(f + ":1:1: error["), c.errors().get(0).format());
            }
        }
    }

    @Test
    void anApplicationCompileErrorIsADiagnosticAtItsSourceLine() throws Exception {
        Path copy = dir.resolve("copy/system.orrery");
        Files.createDirectories(copy.getParent());
        Files.copy(FLIGHT_CONTROL, copy);
        Path src = FLIGHT_CONTROL.getParent().resolve("apps");
        try (var files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path to = copy.getParent().resolve("apps").resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path broken;
        try (var files = Files.walk(copy.getParent().resolve("apps/nav"))) {
            broken = files.filter(p -> p.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(broken, Files.readString(broken).replaceFirst("\\{", "{ int unknownNumber = noSuchValue;"));
        ImageBuildException e = assertThrows(ImageBuildException.class,
                () -> Build.of(Compile.create().system(copy)).inMemory());
        List<Diagnostic> ds = BuildDiagnostics.of(e, copy);
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertEquals(BuildDiagnostics.APP_COMPILE, d.code());
        assertTrue(d.file().toString().endsWith(copy.getParent().relativize(broken).toString()), d.format());
        assertTrue(d.message().startsWith("cannot find symbol: variable noSuchValue"), d.format());
        assertTrue(d.format().matches(".+\\.java:\\d+:\\d+: error\\[app-compile\\]: .+"), d.format());
    }

    @Test
    void aBuildProblemWithoutASourceLineIsAtTheSystem() {
        Path system = Path.of("sys/system.orrery");
        assertEquals(new Diagnostic(system, 1, 1, Diagnostic.Severity.ERROR, BuildDiagnostics.IMAGE_BUILD,
                "configuration: partitions[a].sourcePath: apps/a does not exist"),
                BuildDiagnostics.of("configuration: partitions[a].sourcePath: apps/a does not exist", system));
    }

    @Test
    void errorsNameFileLineAndRuleAndYieldNoConfiguration() throws Exception {
        Path broken = dir.resolve("broken.orrery");
        Files.writeString(broken, "system broken\nthis is not a declaration\n");
        Compiled compiled = Compile.create().system(broken);
        assertTrue(compiled.hasErrors());
        assertTrue(compiled.errors().stream().allMatch(d -> d.file().equals(broken) && d.line() >= 1),
                compiled.diagnostics().toString());
        assertTrue(compiled.config().isEmpty());
    }

    @Test
    void aCanonicalConfigurationThatCannotBeReadIsAConfigInvalidDiagnostic() throws Exception {
        Path orcf = dir.resolve("system" + Compile.CONFIG_EXTENSION);
        Files.write(orcf, new byte[] {1, 2, 3});
        Compiled compiled = Compile.create().system(orcf);
        assertEquals(1, compiled.errors().size(), compiled.diagnostics().toString());
        assertEquals(OrreryIssueCodes.CONFIG_INVALID, compiled.errors().get(0).code());
        assertTrue(compiled.errors().get(0).format().startsWith(orcf + ":1:1: error[config-invalid]: "));
    }

    @Test
    void aFailedBuildLeavesTheGoodImageInPlace() throws Exception {
        Path image = dir.resolve("fc.oimg");
        Build.of(Compile.create().system(FLIGHT_CONTROL)).to(image);
        byte[] good = Files.readAllBytes(image);
        // Same system, but its application sources are gone: the build must fail without touching the image.
        Path copy = dir.resolve("copy/system.orrery");
        Files.createDirectories(copy.getParent());
        Files.copy(FLIGHT_CONTROL, copy);
        Compiled compiled = Compile.create().system(copy);
        assertThrows(ImageBuildException.class, () -> Build.of(compiled).to(image));
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(image)));
    }
}
