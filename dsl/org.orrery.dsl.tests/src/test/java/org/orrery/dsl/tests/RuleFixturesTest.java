// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * The negative fixtures of {@link NegativeFixtures}, each with the exact message, line and column its rule must
 * report (and no other error code, and no configuration); and for each code a positive fixture in
 * {@code fixtures/ok/} that is clean.
 */
class RuleFixturesTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    static Stream<NegativeFixture> negatives() {
        return NegativeFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void negativeFixtureReportsExactlyItsRule(NegativeFixture f) {
        Compilation c = f.compile(COMPILER);
        String all = c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        Diagnostic expected = c.diagnostics().stream().filter(d -> d.code().equals(f.code()) && d.line() == f.line()
                && d.column() == f.column() && d.message().equals(f.message())).findFirst().orElse(null);
        assertTrue(expected != null,
                () -> "expected " + f.code() + " at " + f.line() + ":" + f.column() + ": " + f.message() + "\nbut got:\n" + all);
        Set<String> errorCodes = c.errors().stream().map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
        // A warning's fixture has no error, and still a configuration.
        boolean warningRule = expected.severity() == Diagnostic.Severity.WARNING;
        assertEquals(warningRule ? Set.of() : Set.of(f.code()), errorCodes, all);
        assertTrue(c.config().isEmpty() || warningRule, "no configuration may be produced from a wrong model");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveFixtures")
    void positiveFixtureIsClean(String fixture) {
        Path file = Fixtures.fixture("ok/" + fixture);
        Compilation c = COMPILER.compile(file).requiringSystem(file);
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

    /**
     * Every code (but the compiler's own) has negative fixtures named after it, among them {@code fixtures/CODE.orrery},
     * and a positive one. XtratuM import problems ({@code xmcf}) are XML files: their negatives are in
     * {@link XmcfErrorsTest}, their positive is the file {@link XmcfImportTest} imports and compiles; likewise ARINC
     * import problems ({@code arinc-import}) in {@link ArincImportErrorsTest} and {@link ArincPublicImportTest}.
     */
    @Test
    void everyCodeHasNegativeAndPositiveFixtures() throws Exception {
        Map<String, List<String>> byCode = new TreeMap<>();
        NegativeFixtures.all().forEach(f -> byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f.name()));
        XmcfErrorsTest.fixtures().forEach(f -> byCode.computeIfAbsent(OrreryIssueCodes.XMCF, k -> new ArrayList<>()).add(f));
        ArincImportErrorsTest.fixtures().forEach(f -> byCode.computeIfAbsent(OrreryIssueCodes.ARINC_IMPORT, k -> new ArrayList<>()).add(f));
        for (var field : OrreryIssueCodes.class.getFields()) {
            String code = (String) field.get(null);
            if (code.equals(OrreryIssueCodes.FILE_UNREADABLE)) {
                continue; // not reachable from a file's content: covered by SystemCompilerTest
            }
            List<String> names = byCode.getOrDefault(code, List.of());
            assertFalse(names.isEmpty(), "no negative fixture for " + code);
            if (code.equals(OrreryIssueCodes.XMCF)) {
                names.forEach(n -> assertTrue(Files.isRegularFile(Fixtures.fixture(n)), "missing fixtures/" + n));
                assertTrue(Files.isRegularFile(Fixtures.fixture(XmcfImportTest.POSITIVE)), "missing fixtures/" + XmcfImportTest.POSITIVE);
                continue;
            }
            if (code.equals(OrreryIssueCodes.ARINC_IMPORT)) {
                names.forEach(n -> assertTrue(Files.isRegularFile(Fixtures.fixture(n)), "missing fixtures/" + n));
                assertTrue(Files.isRegularFile(Fixtures.fixture(ArincPublicImportTest.POSITIVE)), "missing fixtures/" + ArincPublicImportTest.POSITIVE);
                continue;
            }
            assertTrue(names.contains(code) && Files.isRegularFile(Fixtures.fixture(code + ".orrery")), "missing fixtures/" + code + ".orrery");
            names.forEach(n -> assertTrue(n.equals(code) || n.startsWith(code + "-"), n + " is not named after its code " + code));
            assertTrue(Files.isRegularFile(Fixtures.fixture("ok/" + code + ".orrery")), "missing fixtures/ok/" + code + ".orrery");
        }
        assertEquals(byCode.size(), OrreryIssueCodes.class.getFields().length - 1, "fixtures for unknown codes: " + byCode.keySet());
    }
}
