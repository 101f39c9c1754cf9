// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/** Small configurations built from records, with application sources written to a temp dir. */
final class TestSystems {

    static final long MS = 1_000_000L;
    /** What the image tests can build without the kernel modules. */
    static final List<String> MODULES = List.of("org.orrery.os.api", "org.orrery.os.config", "org.orrery.os.trace");

    private TestSystems() {
    }

    static SystemConfig twoPartitions(String alphaSource, String betaSource) {
        BoardConfig board = new BoardConfig("sim", 1, 1 << 24, 1_000, true, List.of(), 0, 0, List.of());
        PartitionConfig alpha = new PartitionConfig("alpha", 0, List.of(0), 1 << 20, Criticality.B,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.alpha.Alpha", alphaSource, 0, List.of(), List.of());
        PartitionConfig beta = new PartitionConfig("beta", 1, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.beta.Beta", betaSource, 0, List.of(), List.of());
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, 20 * MS)),
                List.of(new WindowConfig(0, 0, 10 * MS, "alpha"), new WindowConfig(0, 10 * MS, 10 * MS, "beta")));
        return new SystemConfig("demo", board, List.of(), List.of(alpha, beta), List.of(), List.of(plan), "main",
                List.of(), List.of(), List.of(), List.of());
    }

    /** Writes compilable sources for both partitions under {@code root/apps}. */
    static void writeSources(Path root) throws IOException {
        write(root.resolve("apps/alpha/demo/alpha/Alpha.java"), """
                package demo.alpha;

                import org.orrery.os.api.Partition;
                import org.orrery.os.api.PartitionApplication;
                import org.orrery.os.api.PartitionMode;

                public class Alpha implements PartitionApplication {
                    public static int instances;

                    public Alpha() {
                        instances++;
                    }

                    public PartitionMode mode() {
                        return Helper.NORMAL;
                    }

                    @Override
                    public void initialize(Partition partition) {
                    }
                }
                """);
        write(root.resolve("apps/alpha/demo/alpha/Helper.java"), """
                package demo.alpha;

                final class Helper {
                    static final org.orrery.os.api.PartitionMode NORMAL = org.orrery.os.api.PartitionMode.NORMAL;
                }
                """);
        write(root.resolve("apps/beta/demo/beta/Beta.java"), """
                package demo.beta;

                public class Beta {
                    public String name() {
                        return org.orrery.os.api.ErrorCode.DEADLINE_MISSED.name();
                    }
                }
                """);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
