// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.kernel.HmEvent;
import org.orrery.trace.analysis.Deviation;

/**
 * A partition's fault stays in its partition, through the real pipeline, for one attack of
 * {@code containment/attacks} at a time in partition {@code bad} of {@code containment/system.orrery}. What no
 * partition may do is refused by the image builder's verifier (no image). What any program can do — loop,
 * allocate, recurse, fail in toString(), flood the console — is built, booted on the simulated board as
 * {@code orrery run} boots it, and judged by what an integrator sees: the neighbours' console lines in every
 * frame, the trace check of their windows, the health monitor's report and the run's summary.
 */
class ContainmentTest {
    private static final long MS = 1_000_000L;
    private static final long FRAME = 20 * MS;
    private static final int FRAMES = 10;

    @TempDir
    Path dir;

    private Path system(String attack) throws IOException {
        return system(dir, attack);
    }

    /** {@code containment/system.orrery} in {@code dir}, with {@code attack} as partition bad's application. */
    static Path system(Path dir, String attack) throws IOException {
        copy("containment/system.orrery", dir.resolve("system.orrery"));
        copy("containment/apps/good/neighbour/Neighbour.java", dir.resolve("apps/good/neighbour/Neighbour.java"));
        copy("containment/attacks/" + attack + ".java", dir.resolve("apps/bad/attack/Attack.java"));
        return dir.resolve("system.orrery");
    }

    private static void copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = ContainmentTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.write(to, in.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Exit, process-exit",
        "Halt, process-exit",
        "InterruptAll, thread",
        "Threads, thread",
        "Reflection, reflection",
        "FileRead, file-system",
        "FileWrite, file-system",
        "SigningKey, file-system",
        "Socket, network",
        "Native, native",
        "Properties, system-state",
        "CatchThrowable, catch-error",
    })
    void whatNoPartitionMayDoIsRefusedBeforeTheImageIsBuilt(String attack, String rule) throws Exception {
        Path image = dir.resolve("containment.oimg");
        Path system = system(attack);
        Compiled compiled = Compile.create().system(system);
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> Build.of(compiled).to(image));
        assertTrue(e.problems().stream().anyMatch(l -> l.contains("Attack.java:attack.Attack:")
                && l.contains(": error[" + rule + "]: ")), e.problems().toString());
        // front ends print the verifier's findings as they are, not re-labelled as image-build errors
        assertEquals(e.problems(), BuildDiagnostics.lines(e, system));
        // ... and Studio's markers carry the verifier's rule, at the system description
        assertTrue(BuildDiagnostics.of(e, system).stream().anyMatch(d -> d.code().equals(rule)
                && d.file().equals(system) && d.message().contains("Attack.java:attack.Attack:")),
                BuildDiagnostics.of(e, system).toString());
        assertFalse(Files.exists(image), "no image from a refused build");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Spin, WINDOW_OVERRUN, IDLE_PARTITION",
        "Allocate, MEMORY_VIOLATION, LOG",
        "Recurse, STACK_OVERFLOW, IDLE_PARTITION",
        "LoopingToString, WINDOW_OVERRUN, IDLE_PARTITION",
        "ThrowingToString, APPLICATION_ERROR, LOG",
        "EndlessConstructor, WINDOW_OVERRUN, IDLE_PARTITION",
        "ConsoleFlood, , ",
    })
    void theNeighboursKeepTheirWindows(String attack, String error, String action) throws Exception {
        Build.Loaded built = Build.of(Compile.create().system(system(attack))).inMemory();
        List<String> console = new ArrayList<>();
        Path trace = dir.resolve("trace");
        // wall-clock guard: 8 s, above a neighbour's cold JVM initialising beside a spinning attacker on a loaded host
        Run.Outcome out = Run.of(built.image(), new SimBoardSupport()).guardMillis(8000).echo(console::add)
                .traceTo(trace).run(FRAMES * FRAME);

        assertTrue(out.report().contains("schedule summary"), out.report());
        for (String p : List.of("good", "far")) {
            List<String> ticks = console.stream().filter(l -> l.contains(" " + p + ": tick")).toList();
            assertEquals(FRAMES, ticks.size(), p + " printed in every frame");
            for (int i = 0; i < FRAMES; i++) {
                long at = i * FRAME / MS + (p.equals("good") ? 10 : 0);
                assertTrue(ticks.get(i).endsWith("tick " + at), ticks.get(i));
            }
        }
        List<Deviation> neighbours = TraceCheck.check(built.image().config(), trace).deviations().stream()
                .filter(d -> !d.message().contains("(partition bad)")).toList();
        assertEquals(List.of(), neighbours, "the neighbours' windows conform");

        List<HmEvent> hm = out.summary().hmEvents();
        assertTrue(hm.stream().allMatch(e -> e.partition().equals("bad")), "only bad is reported: " + hm);
        if (error == null) {
            assertEquals(List.of(), hm);
        } else {
            HmEvent first = hm.get(0);
            assertEquals(error, first.error().name(), hm.toString());
            assertEquals(action, first.action().name(), hm.toString());
        }
        if (attack.equals("ConsoleFlood")) {
            List<String> bad = console.stream().filter(l -> l.contains(" bad: ")).toList();
            assertEquals(200, bad.size(), "at most 200 lines per second of board time");
            assertTrue(bad.stream().allMatch(l -> l.length() < 1100), "lines are cut at 1000 characters");
        }
    }
}
