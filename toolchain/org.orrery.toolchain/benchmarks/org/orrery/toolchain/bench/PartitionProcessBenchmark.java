// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain.bench;

import java.nio.file.Path;

import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.image.LoadedImage;
import org.orrery.toolchain.Build;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Run;

/**
 * Simulated seconds per wall-clock second for one example image, booted two ways in the same run: the
 * baseline with the applications in the kernel's JVM (class-loader isolation only, as before partition
 * processes), and the simulated board as {@code orrery run} boots it (one process per partition). Prints the
 * figures and their ratio; asserts nothing.
 */
public final class PartitionProcessBenchmark {
    private static final long SECOND = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        Path system = Path.of(args.length > 0 ? args[0] : "examples/flight-control/flight-control.orrery");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        LoadedImage image = Build.of(Compile.create().system(system)).inMemory().image();
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            Simulator.of(image.config(), new JarApplicationLoader(image.applicationJars())).run(seconds * SECOND);
            double inJvm = seconds / ((System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            Run.of(image, new SimBoardSupport()).run(seconds * SECOND);
            double processes = seconds / ((System.nanoTime() - t1) / 1e9);
            System.out.printf("round %d, %s, %d s simulated: in the kernel's JVM %.0f sim-s/s; one process per "
                    + "partition %.0f sim-s/s (ratio %.2f, start-up included)%n", round, system.getFileName(), seconds,
                    inJvm, processes, processes / inJvm);
        }
    }
}
