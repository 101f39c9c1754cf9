// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"", "// only a comment\n", "hello world this is not orrery\n", "{{{{\n", "123 456\n"})
    void inputThatIsNotOrreryIsAnErrorAtItsStart(String text, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("not-orrery.orrery");
        Files.writeString(f, text);
        Compilation c = COMPILER.compile(f);
        assertTrue(c.hasErrors(), c.diagnostics().toString());
        Diagnostic first = c.errors().get(0);
        assertEquals(f, first.file());
        assertTrue(first.code().equals(OrreryIssueCodes.SYNTAX) || first.code().equals(OrreryIssueCodes.NO_SYSTEM), first.format());
        assertTrue(first.format().matches(".*:\\d+:\\d+: error\\[[a-z-]+\\]: .*"), first.format());
    }

    /** `cores 0 1` once gave five errors, three of them about lines that were fine. */
    @Test
    void aSyntaxErrorWithholdsTheRulesAndEndsWithANote() {
        Compilation c = COMPILER.compile(Fixtures.fixture("syntax-list.orrery"));
        assertTrue(c.diagnostics().stream().allMatch(d -> d.code().equals(OrreryIssueCodes.SYNTAX)), c.diagnostics().toString());
        assertEquals(1, c.errors().size(), c.diagnostics().toString());
        Diagnostic first = c.errors().get(0);
        assertEquals(12, first.line());
        Diagnostic last = c.diagnostics().get(c.diagnostics().size() - 1);
        assertEquals(Diagnostic.Severity.INFO, last.severity());
        assertEquals(List.of(first.line(), first.column()), List.of(last.line(), last.column()));
        assertTrue(last.message().contains("rules are checked once every file parses"), last.message());
    }

    /** The parser's recovery trips until the next declaration; a typo in each of two declarations is two errors. */
    @Test
    void oneSyntaxErrorPerDeclaration() throws Exception {
        String text = Files.readString(Fixtures.example("flight-control"));
        Compilation one = COMPILER.compileSource(Path.of("fc.orrery"), text.replaceFirst("    cores 0\n", "    cores 0 1\n"));
        assertEquals(1, one.errors().size(), one.diagnostics().toString());
        Compilation two = COMPILER.compileSource(Path.of("fc.orrery"), text.replace("criticality C", "criticality Z"));
        assertEquals(2, two.errors().size(), two.diagnostics().toString());
    }

    @Test
    void controlCharactersInMessagesAreEscaped() {
        Compilation c = COMPILER.compileSource(Path.of("ctl.orrery"), "system demo\n\u001b[2J\u0007\n");
        String all = c.diagnostics().stream().map(Diagnostic::format).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(c.hasErrors(), all);
        assertTrue(all.chars().noneMatch(ch -> ch < 0x20 && ch != '\n'), all);
        assertTrue(all.contains("\\u001b") || all.contains("\\u0007"), all);
        assertEquals("a\\u001b[31mb\\n", Diagnostic.printable("a\u001b[31mb\n"));
    }
}
