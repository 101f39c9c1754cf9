// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.arinc.ArincExporter;
import org.orrery.dsl.arinc.ArincImport;
import org.orrery.dsl.arinc.ArincImporter;
import org.orrery.dsl.arinc.OrreryText;
import org.orrery.os.config.SystemConfig;

/** Export → import → export is identical, and import → export → import gives the same system, for every example. */
class ArincRoundTripTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    static ArincImport read(String xml) throws Exception {
        return ArincImporter.importFrom(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The imported system written as .orrery and compiled, which must be clean of errors. */
    static SystemConfig compile(ArincImport imported, Path dir) throws Exception {
        String text = new OrreryText(COMPILER.keywords()).write(imported.config(), imported.systemPartitions(), "Imported.");
        Path file = dir.resolve("system.orrery");
        Files.writeString(file, text);
        Compilation c = COMPILER.compile(file);
        assertTrue(c.errors().isEmpty(), () -> text + "\n" + c.diagnostics().stream().map(Diagnostic::format)
                .collect(Collectors.joining("\n")));
        return c.config().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"})
    void exportImportExportIsIdentical(String example, @TempDir Path dir) throws Exception {
        String first = ArincExporter.export(COMPILER.compile(Fixtures.example(example)).config().orElseThrow());
        ArincImport imported = read(first);
        assertEquals(java.util.List.of(), imported.warnings(), "Orrery's own export has nothing to skip");
        String second = ArincExporter.export(compile(imported, dir));
        assertEquals(first, second);
        assertEquals(imported.config(), read(second).config(), "import → export → import gives the same system");
    }

    @Test
    void exportedSecondsAreExact() {
        String xml = ArincExporter.export(COMPILER.compile(Fixtures.example("wan-router")).config().orElseThrow());
        assertTrue(xml.contains("WindowDurationSeconds=\"0.0009\""), xml);
        assertTrue(xml.contains("MajorFrameSeconds=\"0.01\""), xml);
    }
}
