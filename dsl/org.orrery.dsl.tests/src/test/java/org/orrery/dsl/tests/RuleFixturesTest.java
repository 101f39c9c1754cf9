// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * One negative fixture per rule, named after the rule's code, with the exact message and line the rule
 * must report (and no other error); and for each a positive fixture in {@code fixtures/ok/} that is clean.
 */
class RuleFixturesTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    static Stream<Arguments> negatives() {
        return Stream.of(
            row("syntax", "syntax", 31, "missing 'duration' at '5'"),
            row("unresolved-reference", "unresolved-reference", 35, "Unknown partition 'bb'."),
            row("import-unresolved", "import-unresolved", 3, "Cannot import 'no-such-file.orrery': no such Orrery file."),
            row("duplicate-name", "duplicate-name", 16, "Name 'p' is already used by another process of partition 'a'."),
            row("duplicate-name-vm", "duplicate-name", 38, "Name 'a' is already used by another partition."),
            row("duplicate-name-param", "duplicate-name", 15, "Name 'hostname' is already used by another NVRAM parameter of BSP 'small_board'."),
            row("board-count", "board-count", 3, "System 'demo' declares no board."),
            row("required-attribute", "required-attribute", 19, "Partition 'b' must declare its memory budget ('memory')."),
            row("value-range", "value-range", 23, "Priority 256 of process 'q' is outside 0..255."),
            row("limit-exceeded", "limit-exceeded", 3, "System 'demo' has 17 plans, more than the limit of 16."),
            row("core-out-of-range", "core-out-of-range", 20, "Core 2 of partition 'b' is out of range: the board has 2 cores (0..1)."),
            row("tick-multiple", "tick-multiple", 34, "Time 500 us is not a multiple of the board's timer tick 1 ms."),
            row("memory-over-budget", "memory-over-budget", 5, "Memory budgets of partitions and VMs total 266 MiB, more than the board's 256 MiB."),
            row("region-overlap", "region-overlap", 39, "Memory region 'dma' [0x10001000, 0x10002000) overlaps region 'shm' [0x10000000, 0x10002000)."),
            row("windows-overlap", "windows-overlap", 32, "Window of 'a' at 4 ms overlaps the window of 'a' (0..5 ms) on core 0 in plan 'main'."),
            row("window-beyond-frame", "window-beyond-frame", 34, "Window of 'b' ends at 11 ms, beyond the 10 ms major frame of core 1 in plan 'main'."),
            row("partition-without-window", "partition-without-window", 18, "Partition 'b' has no window in any plan."),
            row("window-core-not-allowed", "window-core-not-allowed", 35, "Window of 'a' is on core 1, but partition 'a' may only run on cores 0."),
            row("partition-parallel-windows", "partition-parallel-windows", 35, "Partition 'a' would run on cores 0 and 1 at once in plan 'main'."),
            row("period-frame-mismatch", "period-frame-mismatch", 15, "Period 15 ms of process 'a.p' does not fit the 10 ms major frame of core 0 in plan 'main': neither divides the other."),
            row("initial-plan", "initial-plan", 3, "System 'demo' has 2 plans but none is marked 'initial'."),
            row("unknown-plan", "unknown-plan", 37, "Unknown plan 'maintenance'."),
            row("switch-requester", "switch-requester", 36, "Partition 'b' may not request plan switches: it is not declared 'system-partition'."),
            row("unschedulable", "unschedulable", 15, "Process 'a.p' is not schedulable in plan 'main': worst-case response time 18 ms exceeds its deadline 10 ms (fixed-priority response-time analysis)."),
            row("channel-kind-mismatch", "channel-kind-mismatch", 27, "Port 'b.in1' is a queuing port, but channel 'c1' is sampling."),
            row("channel-direction-mismatch", "channel-direction-mismatch", 27, "Port 'a.out1' is declared 'in' but is the source of channel 'c1'; it must be 'out'."),
            row("channel-size-mismatch", "channel-size-mismatch", 27, "Destination 'b.in1' takes messages of 4 B, smaller than the 8 B of source 'a.out1'."),
            row("queuing-multiple-destinations", "queuing-multiple-destinations", 28, "Queuing channel 'c1' has 2 destinations; a queuing channel connects exactly one source to one destination."),
            row("port-multiply-connected", "port-multiply-connected", 29, "Port 'b.in1' is already connected by channel 'c1'; a port belongs to one channel."),
            row("refresh-below-period", "refresh-below-period", 28, "Refresh period 10 ms of 'b.in1' is shorter than the 20 ms period of source partition 'a': its samples would always be stale."),
            row("unconnected-port", "unconnected-port", 17, "Port 'a.spare' is not connected to any channel."),
            row("hm-action-level", "hm-action-level", 40, "Action RESTART_PROCESS is not valid at module level."),
            row("hm-plan-target", "hm-plan-target", 40, "Action SWITCH_PLAN needs the plan to switch to."),
            row("hm-duplicate", "hm-duplicate", 41, "Error POWER_FAIL appears twice in the PROCESS_EXECUTION table."),
            row("vm-vcpus-over-cores", "vm-vcpus-over-cores", 39, "VM 'guest' has 3 vcpus but the board has only 2 cores."),
            row("service-port-clash", "service-port-clash", 39, "Service 'admin' listens on port 80 of partition 'a', already used by service 'web'."),
            row("config-invalid", "config-invalid", 4, "board.nvramParams: the parameters need 21 bytes of NVRAM, the board has 16")
        );
    }

    private static Arguments row(String fixture, String code, int line, String message) {
        return Arguments.of(fixture, code, line, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void negativeFixtureReportsExactlyItsRule(String fixture, String code, int line, String message) {
        Compilation c = COMPILER.compile(Fixtures.fixture(fixture + ".orrery"));
        String all = c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.code().equals(code) && d.line() == line
                && d.message().equals(message)), () -> "expected " + code + " at line " + line + ": " + message + "\nbut got:\n" + all);
        Set<String> errorCodes = c.errors().stream().map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
        boolean warningRule = code.equals(OrreryIssueCodes.UNCONNECTED_PORT);
        assertEquals(warningRule ? Set.of() : Set.of(code), errorCodes, all);
        assertTrue(c.config().isEmpty() || warningRule, "no configuration may be produced from a wrong model");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveFixtures")
    void positiveFixtureIsClean(String fixture) {
        Compilation c = COMPILER.compile(Fixtures.fixture("ok/" + fixture));
        String all = c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertEquals(List.of(), c.diagnostics(), all);
        assertTrue(c.config().isPresent());
    }

    static Stream<String> positiveFixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.fixture("ok"))) {
            return files.filter(p -> p.toString().endsWith(".orrery")).map(p -> p.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    /** Every rule code (but the compiler's own) has a negative fixture and a positive one. */
    @Test
    void everyRuleHasBothFixtures() throws Exception {
        Set<String> withFixtures = negatives().map(a -> (String) a.get()[1]).collect(Collectors.toSet());
        for (var f : OrreryIssueCodes.class.getFields()) {
            String code = (String) f.get(null);
            if (code.equals(OrreryIssueCodes.FILE_UNREADABLE)) {
                continue; // not reachable from a file's content: covered by SystemCompilerTest
            }
            assertTrue(withFixtures.contains(code), "no negative fixture for " + code);
            assertTrue(Files.isRegularFile(Fixtures.fixture(code + ".orrery")), "missing fixtures/" + code + ".orrery");
            assertTrue(Files.isRegularFile(Fixtures.fixture("ok/" + code + ".orrery")), "missing fixtures/ok/" + code + ".orrery");
        }
        assertFalse(withFixtures.isEmpty());
    }
}
