// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.config.SystemConfig;
import org.orrery.trace.testing.TimelineSystems;
import org.orrery.trace.testing.TraceScript;

/** The shared trace check: its wording on scripted runs, its refusals, and a real simulator run. */
class TraceCheckTest {

    private static final long MS = TraceScript.MS;

    @TempDir
    Path dir;

    @Test
    void aConformingRunGivesNoLinesAndSaysSo() throws Exception {
        SystemConfig config = TimelineSystems.twoCores();
        TimelineSystems.conformingRun(3).writeFolder(dir, config);

        TraceCheck.Result r = TraceCheck.check(config, dir);

        assertTrue(r.conforms());
        assertEquals(List.of(), r.lines());
        assertEquals("summary: 0 deviations in 9 windows on 2 cores, 0.000000000 s to 0.030000000 s, checked "
                + "against timeline; the run conforms", r.summary());
        assertEquals(r.summary() + "\n", r.format());
    }

    @Test
    void eachDeviationIsOneLineWithTimeCoreAndKind() throws Exception {
        SystemConfig config = TimelineSystems.twoCores();
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(0, 10, 14, 0, 0, 0, true).window(0, 16, 20, 2, 1, 0).window(1, 10, 20, 1, 2, 0);
        run.writeFolder(dir, config);

        TraceCheck.Result r = TraceCheck.check(config, dir);

        assertFalse(r.conforms());
        assertEquals(List.of(
                "[0.014000000] core 0 OVERRUN: window 0 of plan normal (partition a) overran: the partition did not "
                        + "yield at 14.000 ms",
                "[0.016000000] core 0 LATE_START: window 1 of plan normal (partition c) opened 1.000 ms late at "
                        + "16.000 ms"), r.lines());
        assertEquals("summary: 2 deviations (LATE_START 1, OVERRUN 1) in 6 windows on 2 cores, 0.000000000 s to "
                + "0.020000000 s, checked against timeline", r.summary());
        assertEquals(String.join("\n", r.lines()) + "\n" + r.summary() + "\n", r.format());
    }

    @Test
    void aToleranceAcceptsSmallShifts() throws Exception {
        SystemConfig config = TimelineSystems.twoCores();
        TraceScript run = TimelineSystems.conformingRun(1);
        run.window(0, 10, 14, 0, 0, 0).window(0, 16, 20, 2, 1, 0).window(1, 10, 20, 1, 2, 0);
        run.writeFolder(dir, config);

        assertTrue(TraceCheck.check(config, dir, 2 * MS).conforms());
    }

    @Test
    void aTraceOfADifferentlyNumberedSystemIsRefusedNotMisread() throws Exception {
        SystemConfig config = TimelineSystems.twoCores();
        TimelineSystems.conformingRun(1).writeFolder(dir, config);
        SystemConfig other = new SystemConfig("other", config.board(), List.of(), config.partitions().subList(0, 2),
                List.of(), config.plans(), config.initialPlan(), List.of(), List.of(), List.of(), List.of());

        IOException e = assertThrows(IOException.class, () -> TraceCheck.check(other, dir));
        assertEquals(dir + ": recorded from system 'timeline' (2 cores, partitions a, b, c), which the configuration "
                + "'other' (2 cores, partitions a, b) does not number the same way; its partition and core numbers "
                + "would be misread", e.getMessage());
    }

    @Test
    void aFolderWithoutTheStreamsOfScheduledCoresIsIncompleteNotConforming() throws Exception {
        SystemConfig config = TimelineSystems.twoCores();
        TimelineSystems.conformingRun(1).writeFolder(dir, config);
        Files.delete(dir.resolve("stream_0"));
        Files.delete(dir.resolve("stream_1"));

        IOException e = assertThrows(IOException.class, () -> TraceCheck.check(config, dir));
        assertEquals(dir + ": no stream for cores 0, 1 (stream_0, stream_1), which the schedule gives windows: the "
                + "trace is incomplete", e.getMessage());
    }

    @Test
    void unreadableTraceFoldersAreNamed() throws Exception {
        IOException none = assertThrows(IOException.class, () -> TraceCheck.check(TimelineSystems.twoCores(), dir));
        assertTrue(none.getMessage().startsWith(dir + ": "), none.getMessage());

        TimelineSystems.conformingRun(1).writeFolder(dir, TimelineSystems.twoCores());
        Path companion = dir.resolve(ConfigFormat.TRACE_COMPANION_FILE);
        Files.write(companion, new byte[] {1, 2, 3});
        IOException damaged = assertThrows(IOException.class,
                () -> TraceCheck.check(TimelineSystems.twoCores(), dir));
        assertTrue(damaged.getMessage().startsWith(companion + ": "), damaged.getMessage());
    }

    @Test
    void aSimulatorRunOfFlightControlConformsToItsOwnSchedule() throws Exception {
        Path system = Path.of("../../examples/flight-control/system.orrery").toAbsolutePath().normalize();
        Compiled compiled = Compile.create().system(system);
        assertFalse(compiled.hasErrors(), compiled.diagnostics()::toString);
        Build.Loaded built = Build.of(compiled).inMemory();
        Path trace = dir.resolve("trace");
        Run.of(built.image(), Boards.named(SimBoardSupport.NAME).orElseThrow()).traceTo(trace).run(200 * MS);

        TraceCheck.Result r = TraceCheck.check(built.image().config(), trace);

        assertTrue(r.conforms(), r::format);
        assertTrue(r.summary().endsWith("checked against flight_control; the run conforms"), r.summary());
    }
}
