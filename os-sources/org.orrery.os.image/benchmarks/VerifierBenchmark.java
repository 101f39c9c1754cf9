// SPDX-License-Identifier: EPL-2.0
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.orrery.os.image.BuildResult;
import org.orrery.toolchain.Build;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

/**
 * What the partition-code verifier adds to an image build. Each round builds the system's image to a file as
 * {@code orrery build} does; the builder reports how long it spent verifying ({@link BuildResult#verifyNanos()}),
 * and that is set against the rest of the same build. Round 1 is a fresh process (what one {@code orrery
 * build} pays: the verifier reads the JDK classes it is asked about once per process, javac starts cold);
 * the median of the later rounds is the warm figure (Orrery Studio's builder, repeated builds).
 */
public final class VerifierBenchmark {

    public static void main(String[] args) throws Exception {
        Path system = Path.of(args.length > 0 ? args[0] : "examples/flight-control/system.orrery").toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Compiled compiled = Compile.create().system(system);
        if (compiled.hasErrors()) {
            throw new IllegalStateException(compiled.diagnostics().toString());
        }
        Path out = Files.createTempFile("verifier-bench", ".oimg");
        long[] builds = new long[rounds];
        long[] verifies = new long[rounds];
        try {
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                BuildResult result = Build.of(compiled).to(out);
                builds[r] = System.nanoTime() - t0;
                verifies[r] = result.verifyNanos();
            }
        } finally {
            Files.deleteIfExists(out);
        }
        System.out.printf("%s, %d rounds%n", system, rounds);
        report("round 1 (fresh process)", builds[0], verifies[0]);
        if (rounds > 1) {
            report("warm (median of rounds 2.." + rounds + ")", median(builds), median(verifies));
        }
    }

    private static void report(String label, long build, long verify) {
        long rest = build - verify;
        System.out.printf("  %-30s build %8.1f ms = verifier %6.1f ms + rest %8.1f ms; verifier / rest = %.4f (%.2f%%)%n",
                label, build / 1e6, verify / 1e6, rest / 1e6, (double) verify / rest, 100.0 * verify / rest);
    }

    /** Median of rounds 2..n: round 1 pays for class loading and JIT warm-up and is reported on its own. */
    private static long median(long[] values) {
        long[] v = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
