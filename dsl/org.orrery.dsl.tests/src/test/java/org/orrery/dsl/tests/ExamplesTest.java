// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.SystemConfig;

/** The shipped examples are complete, clean systems whose configuration is deterministic. */
class ExamplesTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"})
    void exampleHasNoDiagnosticsAndAReadme(String example) {
        Compilation c = COMPILER.compile(Fixtures.example(example));
        assertEquals(java.util.List.of(), c.diagnostics(),
                c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        assertTrue(c.config().isPresent());
        assertTrue(Files.isRegularFile(Fixtures.example(example).resolveSibling("README.md")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"})
    void sameModelSameBytesAndTheReaderAgrees(String example) throws Exception {
        SystemConfig first = COMPILER.compile(Fixtures.example(example)).config().orElseThrow();
        SystemConfig second = SystemCompiler.create().compile(Fixtures.example(example)).config().orElseThrow();
        byte[] a = ConfigWriter.write(first);
        byte[] b = ConfigWriter.write(second);
        assertArrayEquals(a, b);
        assertEquals(first, ConfigReader.read(a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flight-control"})
    void flightControlUsesApplicationSourceFolders(String example) {
        SystemConfig c = COMPILER.compile(Fixtures.example(example)).config().orElseThrow();
        assertTrue(c.partitions().size() >= 5);
        c.partitions().forEach(p -> assertEquals("apps/" + p.name(), p.sourcePath()));
        assertEquals(2, c.board().cores());
        assertEquals("normal", c.initialPlan());
        assertTrue(c.plan("maintenance").isPresent());
    }
}
