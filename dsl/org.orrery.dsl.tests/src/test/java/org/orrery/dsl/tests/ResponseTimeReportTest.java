// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.analysis.ConfigSchedulability;
import org.orrery.dsl.analysis.PartitionSchedulability;
import org.orrery.dsl.generator.ResponseTimeReport;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Partition;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.SystemConfig;

/** {@code reports/response-times.txt}: the figures of {@code check} and the hovers, for CI to read. */
class ResponseTimeReportTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    /** One line per analysed process and plan, as "plan/partition/process response": the language's own analysis. */
    private static List<String> languageVerdicts(SystemView system) {
        List<String> lines = new ArrayList<>();
        for (Partition partition : system.partitions()) {
            for (PartitionSchedulability.Result r : PartitionSchedulability.analyse(partition, system)) {
                if (r.process().getKind() == org.orrery.dsl.orrery.ProcessKind.PERIODIC) {
                    lines.add(r.plan().getName() + "/" + partition.getName() + "/" + r.process().getName() + " "
                            + r.verdict().responseTime() + " of " + r.verdict().task().deadline());
                }
            }
        }
        return lines;
    }

    private static List<String> configVerdicts(SystemConfig config) {
        List<String> lines = new ArrayList<>();
        for (ConfigSchedulability.PartitionResult r : ConfigSchedulability.analyse(config)) {
            r.verdicts().forEach(v -> lines.add(r.plan().name() + "/" + r.partition().name() + "/" + v.task().name() + " "
                    + v.responseTime() + " of " + v.task().deadline()));
        }
        return lines;
    }

    /** The report reads the canonical configuration; what it says must be what the editor says about the source. */
    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"})
    void theConfigurationAnalysisAgreesWithTheLanguagesForEveryPeriodicProcess(String example) {
        Compilation c = COMPILER.compile(Fixtures.example(example));
        List<String> language = languageVerdicts(c.system().orElseThrow());
        List<String> config = configVerdicts(c.config().orElseThrow());
        language.sort(null);
        config.sort(null);
        assertEquals(language, config);
        assertTrue(!config.isEmpty(), example + " has periodic processes to analyse");
    }

    @Test
    void generateWritesTheReportBesideTheScheduleWithResponseDeadlineAndSlack() throws Exception {
        Map<String, byte[]> files = SystemGenerator.outputs(COMPILER.compile(Fixtures.example("flight-control"))
                .config().orElseThrow());
        String report = new String(files.get("reports/response-times.txt"), StandardCharsets.UTF_8);
        // fcs runs in [0, 10) and [25, 35) of 50 ms. "control" (2 ms, highest priority) released as a window
        // closes waits 15 ms for the next one: 17 ms of its 25 ms deadline. "monitor" (3 ms) also waits for
        // control: 15 + 5 = 20 ms of 50. The EDF partition "datalink" passes, so its bound is each deadline.
        assertTrue(report.contains("plan normal\n  partition fcs: fixed-priority response-time analysis\n"), report);
        assertRow(report, "control", "17 ms", "25 ms", "8 ms", "ok");
        assertRow(report, "monitor", "20 ms", "50 ms", "30 ms", "ok");
        assertTrue(report.contains("partition datalink: EDF demand-bound analysis"), report);
        assertRow(report, "uplink", "50 ms", "50 ms", "0", "ok");
        assertRow(report, "loader", "-", "-", "-", "not analysed (aperiodic)");
    }

    @Test
    void anUnschedulableProcessIsMarkedWithTheResponseItAtLeastNeeds() {
        SystemConfig fc = COMPILER.compile(Fixtures.example("flight-control")).config().orElseThrow();
        // 9 ms of "control" every 25 ms in two 10 ms windows: monitor (3 ms) cannot finish within 50 ms.
        List<PartitionConfig> partitions = fc.partitions().stream().map(p -> !p.name().equals("fcs") ? p
                : new PartitionConfig(p.name(), p.index(), p.cores(), p.memoryBudget(), p.criticality(), p.policy(),
                        p.timeSliceNs(), p.entryClass(), p.sourcePath(), p.watchdogPeriodNs(),
                        p.processes().stream().map(ResponseTimeReportTest::heavyControl).toList(), p.ports())).toList();
        SystemConfig heavy = new SystemConfig(fc.name(), fc.board(), fc.memoryRegions(), partitions, fc.channels(),
                fc.plans(), fc.initialPlan(), fc.planSwitchRules(), fc.hmTables(), fc.services(), fc.vms());
        String report = ResponseTimeReport.table(heavy);
        ConfigSchedulability.PartitionResult normal = ConfigSchedulability.analyse(heavy.plan("normal").orElseThrow(),
                heavy.partition("fcs").orElseThrow());
        long monitor = normal.verdicts().get(1).responseTime();
        assertTrue(monitor > 50_000_000L, "monitor's response " + monitor);
        assertRow(report, "monitor", ">=" + org.orrery.dsl.model.Units.formatNanos(monitor), "50 ms", "-", "unschedulable");
    }

    private static ProcessConfig heavyControl(ProcessConfig p) {
        return !p.name().equals("control") ? p
                : new ProcessConfig(p.name(), p.kind(), p.periodNs(), p.deadlineNs(), p.priority(), 9_000_000L, p.stackSize());
    }

    private static void assertRow(String report, String process, String response, String deadline, String slack,
            String status) {
        String row = String.format(java.util.Locale.ROOT, "    %-20s %-14s %-12s %-12s %s%n", process, response, deadline,
                slack, status);
        assertTrue(report.contains(row), "no row\n" + row + "in\n" + report);
    }
}
