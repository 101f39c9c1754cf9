// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import org.orrery.os.partition.PartitionClassLoader;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.Partition;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.config.WindowConfig;

/**
 * The satellite-obc example's fault-injection partition {@code fdir} (sources in
 * examples/satellite-obc/apps/fdir) beside a bystander attitude-control partition, configured as the
 * example declares them: same frames, windows, plans and health-monitor tables. The application is
 * compiled here with the constants class the DSL generator would emit, and loaded from a jar through
 * the partition class loader, as an image would run it.
 */
final class SatelliteFdir {
    static final Path APP_SOURCES = Path.of(System.getProperty("basedir", "."))
            .resolve("../../examples/satellite-obc/apps/fdir").normalize();

    /** The fdir table (PROCESS_EXECUTION): one action per error, every action once. */
    static final List<HmRule> FDIR_RULES = List.of(
            new HmRule(ErrorCode.APPLICATION_ERROR, HmLevel.PROCESS, HmAction.IGNORE, ""),
            new HmRule(ErrorCode.NUMERIC_ERROR, HmLevel.PROCESS, HmAction.LOG, ""),
            new HmRule(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.RESTART_PROCESS, ""),
            new HmRule(ErrorCode.STACK_OVERFLOW, HmLevel.PARTITION, HmAction.WARM_START_PARTITION, ""),
            new HmRule(ErrorCode.MEMORY_VIOLATION, HmLevel.PARTITION, HmAction.COLD_START_PARTITION, ""),
            new HmRule(ErrorCode.HARDWARE_FAULT, HmLevel.MODULE, HmAction.SWITCH_PLAN, "safe_mode"),
            new HmRule(ErrorCode.WATCHDOG, HmLevel.MODULE, HmAction.RESET_MODULE, ""),
            new HmRule(ErrorCode.ILLEGAL_REQUEST, HmLevel.PARTITION, HmAction.IDLE_PARTITION, ""),
            new HmRule(ErrorCode.POWER_FAIL, HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, ""));

    private SatelliteFdir() {
    }

    static SystemConfig config() {
        BoardConfig board = new BoardConfig("sim", 1, 128L << 20, MS, true, List.of(), 500 * MS, 0, List.of());
        PartitionConfig aocs = new PartitionConfig("aocs", 0, List.of(0), 16L << 20, Criticality.A,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test.Aocs", "", 100 * MS,
                List.of(new ProcessConfig("estimator", ProcessKind.PERIODIC, 50 * MS, 0, 20, 4 * MS, 65536)), List.of());
        PartitionConfig fdir = new PartitionConfig("fdir", 1, List.of(0), 8L << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "org.orrery.examples.satellite.fdir.FaultInjector", "apps/fdir", 0,
                List.of(new ProcessConfig("injector", ProcessKind.PERIODIC, 100 * MS, 0, 10, MS, 65536)), List.of());
        PlanConfig nominal = new PlanConfig("nominal", List.of(new CoreFrame(0, 100 * MS)), List.of(
                new WindowConfig(0, 0, 10 * MS, "aocs"), new WindowConfig(0, 50 * MS, 10 * MS, "aocs"),
                new WindowConfig(0, 90 * MS, 10 * MS, "fdir")));
        PlanConfig safe = new PlanConfig("safe_mode", List.of(new CoreFrame(0, 100 * MS)), List.of(
                new WindowConfig(0, 0, 15 * MS, "aocs"), new WindowConfig(0, 50 * MS, 15 * MS, "aocs"),
                new WindowConfig(0, 90 * MS, 10 * MS, "fdir")));
        List<HmTable> hm = List.of(
                new HmTable("fdir", SystemState.PROCESS_EXECUTION, FDIR_RULES),
                new HmTable("", SystemState.PROCESS_EXECUTION, List.of(
                        new HmRule(ErrorCode.HARDWARE_FAULT, HmLevel.MODULE, HmAction.SWITCH_PLAN, "safe_mode"),
                        new HmRule(ErrorCode.POWER_FAIL, HmLevel.MODULE, HmAction.SWITCH_PLAN, "safe_mode"),
                        new HmRule(ErrorCode.WATCHDOG, HmLevel.PARTITION, HmAction.COLD_START_PARTITION, ""),
                        new HmRule(ErrorCode.WINDOW_OVERRUN, HmLevel.PARTITION, HmAction.IDLE_PARTITION, ""))));
        return new SystemConfig("satellite_obc", board, List.of(), List.of(aocs, fdir), List.of(),
                List.of(nominal, safe), "nominal", List.of(), hm, List.of(),
                List.of());
    }

    /** What {@code ConstantsGenerator} emits for this fdir partition (same shape, same indexes). */
    private static String constants() {
        return """
                package org.orrery.examples.satellite.fdir;

                import org.orrery.os.api.PlanRef;
                import org.orrery.os.api.ProcessRef;

                public final class FdirConfig {
                    public static final String PARTITION = "fdir";
                    public static final int PARTITION_INDEX = 1;

                    private FdirConfig() {
                    }

                    public static final class Processes {
                        public static final ProcessRef INJECTOR = new ProcessRef("injector", 0);

                        private Processes() {
                        }
                    }

                    public static final class Plans {
                        public static final PlanRef NOMINAL = new PlanRef("nominal", 0);
                        public static final PlanRef SAFE_MODE = new PlanRef("safe_mode", 1);

                        private Plans() {
                        }
                    }
                }
                """;
    }

    /**
     * Compiles the example's fdir sources with the constants class into {@code work/classes}. The JDK's
     * {@code javac} runs as a tool process: this test module does not read {@code java.compiler}.
     */
    static Path compile(Path work) throws IOException, URISyntaxException, InterruptedException {
        Path src = Files.createDirectories(work.resolve("src/org/orrery/examples/satellite/fdir"));
        Files.writeString(src.resolve("FdirConfig.java"), constants());
        Path classes = work.resolve("classes");
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        List<String> cmd = new ArrayList<>(List.of(javac.toString(), "--release", "21", "-d", classes.toString(),
                "-cp", Path.of(Partition.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                src.resolve("FdirConfig.java").toString()));
        try (Stream<Path> files = Files.walk(APP_SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> cmd.add(f.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("fdir sources do not compile:\n" + out);
        }
        return classes;
    }

    /** The fdir application jar: compiled classes plus a fault script ({@code null} = the example's own). */
    static byte[] applicationJar(Path classes, String script) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                entries.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        entries.put("faults.txt", script == null ? Files.readAllBytes(APP_SOURCES.resolve("faults.txt"))
                : script.getBytes(StandardCharsets.UTF_8));
        return PartitionClassLoader.jar(entries);
    }
}
