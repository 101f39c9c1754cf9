// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.Limits;
import org.orrery.os.config.SystemConfig;

/**
 * The scale: a 256-core, 1,000-partition, 10,000-channel module (the shape of dsl/benchmarks) is a valid
 * system the OS accepts. The same module one partition or channel past {@link Limits} is a negative fixture
 * ({@link GeneratedFixtures}).
 */
class LargeSystemTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    /** The one process of every partition of {@link #module}. */
    static final String PROCESS = "    process control periodic period 100 ms priority 10 wcet 100 us\n";

    /** Partitions spread round-robin over the cores, one window each; channels alternate sampling and queuing. */
    static String module(int cores, int partitions, int channels) {
        StringBuilder parts = new StringBuilder();
        StringBuilder[] ports = new StringBuilder[partitions];
        for (int p = 0; p < partitions; p++) {
            ports[p] = new StringBuilder();
        }
        StringBuilder chans = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            int src = c % partitions;
            int dst = (c * 7 + 1) % partitions;
            dst = dst == src ? (dst + 1) % partitions : dst;
            boolean sampling = c % 2 == 0;
            String kind = sampling ? "sampling" : "queuing";
            ports[src].append("    port out").append(c).append(' ').append(kind).append(" out size 64 B")
                    .append(sampling ? "" : " depth 8").append('\n');
            ports[dst].append("    port in").append(c).append(' ').append(kind).append(" in size 64 B")
                    .append(sampling ? " refresh 200 ms" : " depth 8").append('\n');
            chans.append("channel ch").append(c).append(' ').append(kind).append(" from p").append(src).append(".out")
                    .append(c).append(" to p").append(dst).append(".in").append(c).append('\n');
        }
        int perCore = (partitions + cores - 1) / cores;
        int share = 100 / perCore;
        StringBuilder plan = new StringBuilder("plan normal initial {\n");
        for (int core = 0; core < Math.min(cores, partitions); core++) {
            plan.append("    core ").append(core).append(" major-frame 100 ms {\n");
            for (int p = core, i = 0; p < partitions; p += cores, i++) {
                plan.append("        window p").append(p).append(" at ").append(i * share).append(" ms duration ")
                        .append(share).append(" ms\n");
            }
            plan.append("    }\n");
        }
        plan.append("}\n");
        for (int p = 0; p < partitions; p++) {
            parts.append("partition p").append(p).append(" {\n    cores ").append(p % cores)
                    .append("\n    memory 1 MiB\n    application \"bench.p").append(p).append(".App\"\n")
                    .append(PROCESS)
                    .append(ports[p]).append("}\n");
        }
        return "system large\n\nboard sim {\n    cores " + cores + "\n    memory 64 GiB\n    tick 1 ms\n}\n\n"
                + parts + chans + plan;
    }

    @Test
    void theBenchmarkModuleIsValidAndItsConfigurationRoundTrips() throws Exception {
        Compilation c = COMPILER.compileSource(Path.of("large.orrery"), module(256, 1000, 10_000));
        assertEquals(List.of(), c.diagnostics(), () -> c.diagnostics().stream().limit(5).map(Diagnostic::format)
                .collect(Collectors.joining("\n")));
        SystemConfig config = c.config().orElseThrow();
        assertEquals(1000, config.partitions().size());
        assertEquals(10_000, config.channels().size());
        assertEquals(config, ConfigReader.read(ConfigWriter.write(config)));
    }
}
