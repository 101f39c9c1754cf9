// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.trace.ctf.CtfReader;

/** The shared glue on a real example: description → image → run on the sim board → CTF folder. */
class ToolchainTest {

    private static final Path FLIGHT_CONTROL =
            Path.of("../../examples/flight-control/system.orrery").toAbsolutePath().normalize();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void buildsRunsAndTracesFlightControl() throws Exception {
        List<String> problems = new ArrayList<>();
        SystemSources.Loaded loaded = SystemSources.load(FLIGHT_CONTROL, problems::add);
        assertNotNull(loaded, () -> String.join("\n", problems));
        assertTrue(loaded.generatedSources().get("fcs").keySet().stream().anyMatch(p -> p.endsWith("FcsConfig.java")),
                "fcs compiles against its own constants: " + loaded.generatedSources().get("fcs").keySet());

        ImageBuilds.Built built = ImageBuilds.inMemory(ImageBuilds.request(loaded, FLIGHT_CONTROL, null, 0, null),
                "flight-control", null);
        assertEquals("flight_control", built.image().config().name());

        Path trace = ImageBuilds.defaultTraceDir(dir, built.image().config());
        Files.createDirectories(trace);
        List<String> console = new ArrayList<>();
        SimRun.Outcome out = SimRun.of(built.image()).echo(console::add).traceTo(trace).run(200 * MS);
        assertEquals(200 * MS, out.result().summary().endTimeNs());
        assertEquals(0, out.result().summary().overruns());
        assertTrue(out.traceEvents() > 0);
        assertEquals(out.traceEvents(), CtfReader.read(trace).eventCount(), "everything written reads back");
        assertTrue(Files.exists(trace.resolve(ConfigFormat.TRACE_COMPANION_FILE)), "configuration beside the trace");
        assertEquals(out.result().console(), console, "console lines are echoed as they are printed");
    }

    @Test
    void stopEndsTheRunEarly() throws Exception {
        SystemSources.Loaded loaded = SystemSources.load(FLIGHT_CONTROL, p -> { });
        ImageBuilds.Built built = ImageBuilds.inMemory(ImageBuilds.request(loaded, FLIGHT_CONTROL, null, 0, null),
                "flight-control", null);
        AtomicInteger asked = new AtomicInteger();
        SimRun.Outcome out = SimRun.of(built.image()).stopWhen(() -> asked.incrementAndGet() > 5).run(10_000 * MS);
        assertTrue(out.result().summary().endTimeNs() <= 60 * MS,
                "stopped after a few 10 ms slices, not at 10 s: " + out.result().summary().endTimeNs());
        assertNull(out.traceDir());
    }

    @Test
    void reportsWhyASystemCannotBeLoaded() throws Exception {
        Path broken = dir.resolve("broken.orrery");
        Files.writeString(broken, "system broken\nthis is not a declaration\n");
        List<String> problems = new ArrayList<>();
        assertNull(SystemSources.load(broken, problems::add));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(broken + ":")), problems.toString());
        assertTrue(problems.get(problems.size() - 1).contains("no image built"), problems.toString());
    }
}
