// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.image.LoadedImage;

/**
 * Containment changes nothing a correct system does: each example prints the same lines and ends with the
 * same summary whether its partitions run in their own processes (as {@code orrery run} boots them) or in
 * the kernel's JVM.
 */
class PartitionProcessEquivalenceTest {
    private static final long DURATION = 3_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flight-control", "satellite-obc", "mixed-criticality", "wan-router"})
    void anExampleRunsTheSameInPartitionProcesses(String example) throws Exception {
        Path system = Path.of("../../examples", example, "system.orrery");
        LoadedImage image = Build.of(Compile.create().system(system)).inMemory().image();

        SimResult inJvm = Simulator.of(image.config(), new JarApplicationLoader(image.applicationJars()))
                .run(DURATION);
        List<String> console = new ArrayList<>();
        Run.Outcome processes = Run.of(image, new SimBoardSupport()).echo(console::add).run(DURATION);

        assertEquals(inJvm.console(), console);
        assertEquals(inJvm.summary(), processes.summary());
    }
}
