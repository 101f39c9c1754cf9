// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.generator.ConstantsGenerator;
import org.orrery.dsl.generator.ScheduleReport;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.w3c.dom.Document;

class GeneratorTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    private static SystemConfig config(String example) {
        return COMPILER.compile(Fixtures.example(example)).config().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"})
    void generationIsDeterministicAndTheConfigurationReadsBack(String example) throws Exception {
        Map<String, byte[]> a = SystemGenerator.outputs(config(example));
        Map<String, byte[]> b = SystemGenerator.outputs(SystemCompiler.create().compile(Fixtures.example(example)).config().orElseThrow());
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
        assertEquals(config(example), ConfigReader.read(a.get(SystemGenerator.CONFIG_FILE)));
    }

    @Test
    void ganttHasOneChartPerPlanAndCoreWithOneBarPerWindow() throws Exception {
        SystemConfig c = config("flight-control");
        Map<String, String> charts = ScheduleReport.gantt(c);
        assertEquals(4, charts.size(), charts.keySet().toString());
        PlanConfig normal = c.plan("normal").orElseThrow();
        long windowsOnCore0 = normal.windows().stream().filter(w -> w.core() == 0).count();
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(charts.get("gantt-normal-core0.svg").getBytes(StandardCharsets.UTF_8)));
        // one background bar plus one per window
        assertEquals(windowsOnCore0 + 1, svg.getElementsByTagName("rect").getLength());
        String table = ScheduleReport.table(c);
        assertTrue(table.contains("plan normal (initial)"), table);
        assertTrue(table.contains("core 1, major frame 50 ms"), table);
    }

    @Test
    void vmWindowsAppearInTheScheduleTable() {
        String table = ScheduleReport.table(config("mixed-criticality"));
        assertTrue(table.contains("vm linux"), table);
    }

    @Test
    void constantsCompileAgainstTheApiAndCarryConfiguredIndices(@TempDir Path dir) throws Exception {
        SystemConfig c = config("flight-control");
        List<File> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : ConstantsGenerator.generate(c).entrySet()) {
            Path f = dir.resolve("src").resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            sources.add(f.toFile());
        }
        String api = Path.of(ProcessRef.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", api, "--release", "21"));
        sources.forEach(s -> args.add(s.getPath()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "generated constants must compile");

        PartitionConfig fcs = c.partition("fcs").orElseThrow();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, ProcessRef.class.getClassLoader())) {
            String base = "org.orrery.examples.flightcontrol.fcs.FcsConfig";
            assertEquals("fcs", loader.loadClass(base).getField("PARTITION").get(null));
            assertEquals(fcs.index(), loader.loadClass(base).getField("PARTITION_INDEX").get(null));
            assertEquals(new ProcessRef("monitor", fcs.processIndex("monitor")),
                    loader.loadClass(base + "$Processes").getField("MONITOR").get(null));
            assertEquals(new SamplingPortRef("attitude_in", fcs.portIndex("attitude_in")),
                    loader.loadClass(base + "$Ports").getField("ATTITUDE_IN").get(null));
            assertEquals(new QueuingPortRef("uplink_in", fcs.portIndex("uplink_in")),
                    loader.loadClass(base + "$Ports").getField("UPLINK_IN").get(null));
            assertEquals(c.planIndex("maintenance"),
                    ((org.orrery.os.api.PlanRef) loader.loadClass(base + "$Plans").getField("MAINTENANCE").get(null)).index());
        }
    }
}
