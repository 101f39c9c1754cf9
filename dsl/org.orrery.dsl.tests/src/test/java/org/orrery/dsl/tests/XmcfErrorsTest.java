// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.dsl.xtratum.XmcfException;
import org.orrery.dsl.xtratum.XmcfImporter;

/**
 * One XM_CF file per way an import fails ({@code fixtures/xtratum/NAME.xml}, each one change away from a file that
 * imports), with the diagnostic it must give: the element's {@code <}, and the message.
 */
class XmcfErrorsTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    static Stream<Arguments> errors() {
        return Stream.of(
            row("wrong-root", 4, 1, "expected <SystemDescription>, found <XMConfiguration>"),
            row("duplicate-partition-id", 28, 5, "partition id 0 is used twice"),
            row("no-processor", 4, 1, "no <Processor> in XMHypervisor/HwDescription"),
            row("channel-without-source", 35, 5, "<SamplingChannel> has no <Source>"),
            row("channel-without-destination", 35, 5, "<SamplingChannel> has no <Destination>"),
            row("channel-unknown-partition", 37, 7, "no partition with id 7"),
            row("slot-unknown-partition", 12, 15, "slot for unknown partition id 5"),
            row("bad-time", 10, 13, "'10 msec' in majorFrame is not a time like 10ms, 500us or 1s"),
            row("fractional-time", 12, 15, "duration '0.0005us' is not a whole number of ns/bytes or too large"),
            row("bad-size", 22, 9, "'1 MiB' in size is not a size like 16B, 4KB or 2MB"),
            row("bad-number", 28, 5, "id 'one' is not a whole number (0 or more)"),
            row("bad-address", 22, 9, "start '0x60g0000' is not an address"),
            row("memory-too-large", 23, 5, "the memory areas of partition sender add up to more than an Orrery size can hold"),
            row("missing-attribute", 10, 13, "<Plan> lacks the required attribute 'majorFrame'"),
            row("not-utf8", 3, 37, "malformed XML: byte 0xE9 is not UTF-8 text (the file declares no other encoding)"),
            // the parser's own position and words: where it noticed that the slot was never closed
            row("malformed", 13, 15, "malformed XML: The element type \"Slot\" must be terminated by the matching end-tag \"</Slot>\".")
        );
    }

    private static Arguments row(String name, int line, int column, String message) {
        return Arguments.of("xtratum/" + name + ".xml", line, column, message);
    }

    /** The fixture files, for the test that every code has fixtures. */
    static List<String> fixtures() {
        return errors().map(a -> (String) a.get()[0]).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void importFailsWithItsDiagnostic(String fixture, int line, int column, String message) {
        Path file = Fixtures.fixture(fixture);
        XmcfException e = assertThrows(XmcfException.class, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                new XmcfImporter(COMPILER.keywords()).importFrom(in);
            }
        });
        assertEquals(new Diagnostic(file, line, column, Diagnostic.Severity.ERROR, OrreryIssueCodes.XMCF, message),
                e.toDiagnostic(file));
    }
}
