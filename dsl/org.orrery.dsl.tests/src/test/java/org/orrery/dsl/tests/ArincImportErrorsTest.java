// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.dsl.arinc.ArincException;
import org.orrery.dsl.arinc.ArincImporter;

/** ARINC 653 module files Orrery refuses ({@code arinc-import} errors), each naming the offending element's line. */
class ArincImportErrorsTest {

    record Case(String file, int line, int column, String message) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("arinc/wrong-root.xml", 2, 1, "expected <ARINC_653_Module>, found <SystemDescription>"),
                new Case("arinc/pseudo-partition.xml", 17, 9, "<Pseudo_Partition>: Orrery cannot represent a channel end "
                        + "outside the module's partitions (Pseudo_Partition)"));
    }

    /** The fixture files, for the every-code-has-fixtures check. */
    static List<String> fixtures() {
        return cases().stream().map(Case::file).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusedWithItsLine(Case c) throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.fixture(c.file()))) {
            ArincException e = assertThrows(ArincException.class, () -> ArincImporter.importFrom(in));
            assertEquals(c.line() + ":" + c.column() + ": " + c.message(), e.line() + ":" + e.column() + ": " + e.getMessage());
        }
    }
}
