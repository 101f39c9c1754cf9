// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.orrery.studio.diagram.edit.SystemModelSession;

/** Test inputs: the repository's examples and small inline systems. */
final class Fixtures {

    private Fixtures() {
    }

    static Path examples() {
        return Path.of(System.getProperty("orrery.examples", "../../examples")).toAbsolutePath().normalize();
    }

    static Path flightControl() {
        return examples().resolve("flight-control/system.orrery");
    }

    static SystemModelSession flightControlSession() {
        try {
            Path file = flightControl();
            return SystemModelSession.open(file.toUri(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session over inline text, as if it were {@code inline.orrery} in a temporary folder. */
    static SystemModelSession inline(String text) {
        return SystemModelSession.open(Path.of(System.getProperty("java.io.tmpdir"), "inline.orrery").toUri(), text);
    }

    /** The same, validating only when asked (as the system editor's session does). */
    static SystemModelSession inlineDeferringValidation(String text) {
        return SystemModelSession.openDeferringValidation(
                Path.of(System.getProperty("java.io.tmpdir"), "inline.orrery").toUri(), text);
    }

    /**
     * A generated system in the shape of dsl/benchmarks/generate-large-system.py, smaller: {@code partitions}
     * partitions with two processes and a sampling port pair each, four per core in one 100 ms frame, a channel
     * from every partition to the next.
     */
    static String large(int partitions) {
        int cores = (partitions + 3) / 4;
        StringBuilder sb = new StringBuilder("system large\n\nboard sim {\n    cores " + cores
                + "\n    memory 64 GiB\n    tick 1 ms\n}\n");
        for (int p = 0; p < partitions; p++) {
            sb.append("\npartition p").append(p).append(" {\n    cores ").append(p % cores)
                    .append("\n    memory 16 MiB\n    application \"bench.p").append(p).append(".App\"\n")
                    .append("    process control periodic period 100 ms priority 10 wcet 1 ms\n")
                    .append("    process housekeeping periodic period 100 ms priority 5 wcet 1 ms\n")
                    .append("    port tx sampling out size 64 B\n")
                    .append("    port rx sampling in size 64 B refresh 200 ms\n}\n");
        }
        sb.append('\n');
        for (int p = 0; p < partitions; p++) {
            sb.append("channel ch").append(p).append(" sampling from p").append(p).append(".tx to p")
                    .append((p + 1) % partitions).append(".rx\n");
        }
        sb.append("\nplan normal initial {\n");
        for (int c = 0; c < cores; c++) {
            sb.append("    core ").append(c).append(" major-frame 100 ms {\n");
            for (int k = 0, p = c; p < partitions; k++, p += cores) {
                sb.append("        window p").append(p).append(" at ").append(25 * k).append(" ms duration 20 ms\n");
            }
            sb.append("    }\n");
        }
        return sb.append("}\n").toString();
    }

    /** A one-core system with two partitions and a 50 ms frame; {@code windows} are the core's window lines. */
    static String oneCore(String windows) {
        return """
                system small
                board sim {
                    cores 1
                    tick 1 ms
                }
                partition a {
                    application "x.A"
                }
                partition b {
                    application "x.B"
                }
                plan main {
                    core 0 major-frame 50 ms {
                %s    }
                }
                """.formatted(windows);
    }
}
