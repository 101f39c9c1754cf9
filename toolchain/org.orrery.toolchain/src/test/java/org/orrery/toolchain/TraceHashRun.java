// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.nio.file.Files;
import java.nio.file.Path;

import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;

/**
 * Boots built images on the sim board, as {@code orrery run --board sim --trace} does, and prints each run's
 * {@link TraceHash}. {@link ReferenceTraceHashTest} runs it in child JVMs with other collectors and compilers;
 * arguments: the duration in nanoseconds, a folder for the traces, then image files; prints {@code <image> <hash>}
 * for each.
 */
public final class TraceHashRun {

    private TraceHashRun() {
    }

    static String hash(Path image, long durationNs, Path traceDir) throws Exception {
        String name = image.toString();
        LoadedImage loaded = LoadedImage.of(ImageVerifier.inspect(Files.readAllBytes(image), name), name);
        Run.Outcome outcome = Run.of(loaded, Boards.named(SimBoardSupport.NAME).orElseThrow()).traceTo(traceDir)
                .run(durationNs);
        if (outcome.summary().endTimeNs() != durationNs) {
            throw new IllegalStateException(name + ": the run ended at " + outcome.summary().endTimeNs() + " ns");
        }
        // No example overruns; one here means a partition kept its core past the board's wall-clock guard (a
        // machine too busy to run it in time), and its hash would be told apart for the wrong reason.
        if (outcome.summary().overruns() > 0) {
            throw new IllegalStateException(name + ": " + outcome.summary().overruns() + " overrun(s): a partition "
                    + "kept its core past the sim board's wall-clock guard, so the machine was too slow for this run "
                    + "(not a change of the run)");
        }
        return TraceHash.of(traceDir);
    }

    public static void main(String[] args) throws Exception {
        long duration = Long.parseLong(args[0]);
        Path traces = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            Path image = Path.of(args[i]);
            System.out.println(image + " " + hash(image, duration, traces.resolve("run" + i)));
        }
    }
}
