// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.validation.OrreryIssueCodes;

class SystemCompilerTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    @Test
    void aMissingFileIsADiagnosticNotAnException() {
        Path missing = Path.of("no/such/file.orrery");
        Compilation c = COMPILER.compile(missing);
        assertEquals(List.of(new Diagnostic(missing, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE,
                "Cannot read no/such/file.orrery: no such file.")), c.diagnostics());
        assertTrue(c.config().isEmpty());
    }

    @Test
    void formatIsFileLineColumnSeverityCodeMessage() {
        Diagnostic d = new Diagnostic(Path.of("a/b.orrery"), 3, 14, Diagnostic.Severity.WARNING, "unconnected-port", "Port 'x' ...");
        assertEquals("a/b.orrery:3:14: warning[unconnected-port]: Port 'x' ...", d.format());
    }

    @Test
    void problemsInAnImportedFileNameThatFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("parts.orrery"), """
                partition extra {
                    cores 0
                    memory 8 MiB
                    application "demo.Extra"
                    process p periodic period 10 ms priority 300 wcet 1 ms
                }
                """);
        Path main = dir.resolve("main.orrery");
        Files.writeString(main, Files.readString(Fixtures.fixture("ok/import-unresolved.orrery"))
                .replace("parts/extra-partition.orrery", "parts.orrery"));
        Compilation c = COMPILER.compile(main);
        Diagnostic d = c.errors().stream().findFirst().orElseThrow();
        assertEquals("parts.orrery", d.file().getFileName().toString());
        assertEquals(OrreryIssueCodes.VALUE_RANGE, d.code());
        assertEquals(5, d.line());
        assertEquals(1, c.errors().size(), c.diagnostics().toString());
    }

    @Test
    void compileSourceMatchesCompilingTheFile() throws Exception {
        Path f = Fixtures.fixture("windows-overlap.orrery");
        assertEquals(COMPILER.compile(f).diagnostics(), COMPILER.compileSource(f, Files.readString(f)).diagnostics());
        Path ok = Fixtures.example("flight-control");
        assertEquals(COMPILER.compile(ok).config(), COMPILER.compileSource(ok, Files.readString(ok)).config());
    }

    @Test
    void aFragmentAloneIsCleanButHasNoConfiguration() {
        Compilation c = COMPILER.compile(Fixtures.fixture("ok/parts/extra-partition.orrery"));
        assertFalse(c.hasErrors(), c.diagnostics().toString());
        assertTrue(c.config().isEmpty());
    }

    @Test
    void diagnosticsAreSortedByPosition() {
        Compilation c = COMPILER.compile(Fixtures.fixture("unresolved-reference.orrery"), Fixtures.fixture("windows-overlap.orrery"));
        List<Diagnostic> sorted = c.diagnostics().stream().sorted(java.util.Comparator
                .comparing((Diagnostic d) -> d.file().toString()).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column)).toList();
        assertEquals(sorted, c.diagnostics());
        assertEquals(2, c.errors().size());
    }
}
