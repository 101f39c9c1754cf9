// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;

/** The DSL subcommands, run in-process through the real command line. */
class DslCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        return p;
    }

    private static String example(String name) {
        return root().resolve("examples").resolve(name).resolve("system.orrery").toString();
    }

    private static String fixture(String name) {
        return root().resolve("dsl/org.orrery.dsl.tests/fixtures").resolve(name).toString();
    }

    private void assertNoStackTrace() {
        assertFalse(err.toString().contains("\tat "), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void checkAcceptsEveryExample() {
        assertEquals(OrreryCli.EXIT_OK, run("check", example("flight-control"), example("satellite-obc"),
                example("wan-router"), example("mixed-criticality")), err.toString());
        assertEquals(4, out.toString().lines().filter(l -> l.endsWith(": 0 errors, 0 warnings")).count(), out.toString());
    }

    @Test
    void checkReportsRuleViolationsAsFileLineColumn() {
        String f = fixture("windows-overlap.orrery");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", f));
        String line = err.toString().lines().findFirst().orElse("");
        assertTrue(line.matches(".*windows-overlap\\.orrery:32:21: error\\[windows-overlap\\]: Window of 'a' at 4 ms .*"), line);
        assertNoStackTrace();
    }

    /** The typo: one error on the typo's line naming the valid values, then the note; no lexer noise. */
    @Test
    void checkNamesTheValidValuesOfAMistypedEnumeration() {
        String f = fixture("syntax-enum.orrery");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", f));
        assertEquals(java.util.List.of(
                f + ":27:51: error[syntax]: 'drop-old' is not an overflow policy; write one of: block | drop-newest | drop-oldest.",
                f + ":27:51: info[syntax]: The other rules are checked once every file parses."), err.toString().lines().toList());
    }

    /** `cores 0 1` once gave five errors, among them a missing 'memory' that was there. */
    @Test
    void checkOfOneSyntaxErrorReportsNoRuleFindings() {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", fixture("syntax-list.orrery")));
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.endsWith(":12:13: error[syntax]: '1' cannot follow a value of 'cores' here; separate the values of a "
                + "list with ',' (cores 0, 1)."), first);
        assertTrue(err.toString().lines().allMatch(l -> l.contains("[syntax]")), err.toString());
        assertTrue(out.toString().contains("errors") || out.toString().contains("error,"), out.toString());
    }

    /** A number past the 32-bit limit once read "For input string: ..." (Java's words, not the language's). */
    @Test
    void checkNamesTheLimitOfANumberTooLarge(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("overflow.orrery");
        Files.writeString(f, Files.readString(Path.of(example("flight-control")))
                .replaceFirst("period 25 ms", "period 99999999999999999999 ms"));
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", f.toString()));
        assertEquals(java.util.List.of(
                f + ":18:37: error[syntax]: '99999999999999999999' is too large: a number here is at most 2147483647.",
                f + ":18:37: info[syntax]: The other rules are checked once every file parses."),
                err.toString().lines().toList());

        Path address = Files.writeString(dir.resolve("address.orrery"),
                "system s\nregion r at 99999999999999999999 size 4 KiB\n");
        err.getBuffer().setLength(0);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", address.toString()));
        assertTrue(err.toString().startsWith(address + ":2:13: error[syntax]: Address '99999999999999999999' is not "
                + "a 64-bit number."), err.toString());
    }

    /** EMF once refused these in its own words: "a registered resource factory is needed". */
    @Test
    void checkOfAFileThatIsNotOrrerySourceSaysWhatItReads(@TempDir Path dir) throws Exception {
        assertEquals(OrreryCli.EXIT_OK, run("generate", example("flight-control"), "-o", dir.toString()), err.toString());
        Path orcf = dir.resolve("system.orcf");
        err.getBuffer().setLength(0);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", orcf.toString()));
        assertEquals(orcf + ":1:1: error[file-unreadable]: Cannot check " + orcf + ": not an Orrery source file "
                + "(expected .orrery; a .orcf is generated from one, and generate, build and run read it).",
                err.toString().strip());

        Path text = Files.writeString(dir.resolve("system.txt"), "system s\n");
        err.getBuffer().setLength(0);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", text.toString()));
        assertEquals(text + ":1:1: error[file-unreadable]: Cannot check " + text + ": not an Orrery source file "
                + "(expected .orrery).", err.toString().strip());
    }

    /** The parser's messages once named its token types: "missing RULE_INT at '}'". */
    @Test
    void checkNamesWhatIsMissingInWordsNotTokenNames(@TempDir Path dir) throws Exception {
        Path missing = Files.writeString(dir.resolve("missing.orrery"), "system s\nboard sim {\n cores\n}\n");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", missing.toString()));
        assertTrue(err.toString().startsWith(missing + ":4:1: error[syntax]: missing a number at '}'\n"), err.toString());
        assertEquals(missing + ": 1 error, 0 warnings", out.toString().strip(), "the info line is no warning");

        Path cut = Files.writeString(dir.resolve("cut.orrery"), "system s\nboard sim {\n cores 2\n");
        err.getBuffer().setLength(0);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", cut.toString()));
        assertTrue(err.toString().startsWith(cut + ":3:9: error[syntax]: the file ends where this was expected: '}'\n"),
                err.toString());
    }

    @Test
    void checkOfAMissingFileIsAnInputError() {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("check", "no/such/system.orrery"));
        assertTrue(err.toString().contains("no/such/system.orrery:1:1: error[file-unreadable]"), err.toString());
        assertNoStackTrace();
    }

    @Test
    void checkWithoutFilesIsAUsageError() {
        assertEquals(OrreryCli.EXIT_USAGE, run("check"));
    }

    @Test
    void generateWritesConfigurationReportsAndConstants(@TempDir Path dir) {
        assertEquals(OrreryCli.EXIT_OK, run("generate", example("flight-control"), "-o", dir.toString()), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("system.orcf")));
        assertTrue(Files.isRegularFile(dir.resolve("reports/schedule.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("reports/gantt-normal-core1.svg")));
        assertTrue(Files.isRegularFile(dir.resolve("reports/memory-map.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("reports/utilisation.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("reports/response-times.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("constants/org/orrery/examples/flightcontrol/fcs/FcsConfig.java")));
    }

    /** A second system into the same folder: the first one's plans and partitions leave, the user's notes stay. */
    @Test
    void generateAgainRemovesWhatItWroteThatNoLongerBelongsAndNothingElse(@TempDir Path dir) throws Exception {
        assertEquals(OrreryCli.EXIT_OK, run("generate", example("flight-control"), "-o", dir.toString()), err.toString());
        Path fcsConstants = dir.resolve("constants/org/orrery/examples/flightcontrol/fcs/FcsConfig.java");
        assertTrue(Files.isRegularFile(fcsConstants) && Files.isRegularFile(dir.resolve("reports/gantt-normal-core1.svg")));
        Files.writeString(dir.resolve("reports/notes.txt"), "mine");

        assertEquals(OrreryCli.EXIT_OK, run("generate", example("satellite-obc"), "-o", dir.toString()), err.toString());
        assertTrue(out.toString().contains("; removed "), out.toString());
        assertFalse(Files.exists(fcsConstants));
        assertFalse(Files.exists(dir.resolve("constants/org/orrery/examples/flightcontrol")), "emptied folders go too");
        assertFalse(Files.exists(dir.resolve("reports/gantt-normal-core1.svg")), "a plan satellite-obc does not have");
        assertEquals("mine", Files.readString(dir.resolve("reports/notes.txt")));
        try (var all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.toString().contains("flightcontrol")), "nothing of flight-control is left");
        }
    }

    @Test
    void generateRefusesAWrongSystem(@TempDir Path dir) {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("generate", fixture("unschedulable.orrery"), "-o", dir.toString()));
        assertTrue(err.toString().contains("error[unschedulable]"), err.toString());
        assertFalse(Files.exists(dir.resolve("system.orcf")));
    }

    @Test
    void generateWithoutOutputIsAUsageError() {
        assertEquals(OrreryCli.EXIT_USAGE, run("generate", example("flight-control")));
    }

    @Test
    void importWritesACheckedSystem(@TempDir Path dir) {
        Path target = dir.resolve("imported.orrery");
        assertEquals(OrreryCli.EXIT_OK, run("import", fixture("xtratum/two-cores.xml"), "-o", target.toString()), err.toString());
        assertTrue(Files.isRegularFile(target));
        assertEquals(OrreryCli.EXIT_OK, run("check", target.toString()), err.toString());
    }

    /** XtratuM's own example: imports and checks (exit 0), each dropped element a warning at its line. */
    @Test
    void importOfAPublicXtratumFileWarnsWithLinesAndChecks(@TempDir Path dir) {
        String xml = fixture("vendor/xtratum/l2x0-2linux_with_schannels.xml");
        Path target = dir.resolve("l2x0.orrery");
        assertEquals(OrreryCli.EXIT_OK, run("import", xml, "-o", target.toString()), err.toString());
        assertTrue(err.toString().contains(xml + ":48:9: warning[xmcf]: Interrupt lines 1 2 3 5 6 7 8 9 10 11 12 13 14 15 of "
                + "partition 'Partition1' are not imported"), err.toString());
        assertTrue(err.toString().contains("warning[shared-region-overlap]"), err.toString());
        assertFalse(err.toString().contains("error["), err.toString());
        assertTrue(out.toString().contains("0 errors"), out.toString());
        assertNoStackTrace();
    }

    @Test
    void importOfMalformedXmlNamesThePosition(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("bad.xml");
        Files.writeString(xml, "<SystemDescription>\n  <PartitionTable>\n</SystemDescription>\n");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("import", xml.toString(), "-o", dir.resolve("x.orrery").toString()));
        assertTrue(err.toString().startsWith(xml + ":3:"), err.toString());
        assertTrue(err.toString().contains("error[xmcf]"), err.toString());
        assertNoStackTrace();
    }

    /** The JDK's parser printed "[Fatal Error] :-1:-1: Invalid byte 1 ..." to System.err before throwing. */
    @Test
    void importOfBytesThatAreNotUtf8NamesTheLineAndPrintsNothingElse(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("binary.xml");
        byte[] head = "<SystemDescription>\n  <!-- ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = '\n';
        Files.write(xml, bytes);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream direct = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(direct, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"import", "import-arinc"}) {
                err.getBuffer().setLength(0);
                assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run(command, xml.toString(), "-o",
                        dir.resolve("x.orrery").toString()));
                assertTrue(err.toString().startsWith(xml + ":2:8: error["), err.toString());
                assertTrue(err.toString().strip().endsWith("malformed XML: byte 0xFF is not UTF-8 text (the file "
                        + "declares no other encoding)"), err.toString());
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", direct.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("x.orrery")));
    }

    @Test
    void exportArincWritesTheModuleConfiguration(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("fc.xml");
        assertEquals(OrreryCli.EXIT_OK, run("export-arinc", example("flight-control"), "-o", xml.toString()), err.toString());
        String text = Files.readString(xml);
        assertTrue(text.contains("ModuleName=\"flight_control\""), text);
        assertTrue(text.contains("<Connection_Table>"), text);
    }

    @Test
    void importArincRoundTripsAnExportAndReportsVendorExtensions(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("fc.xml");
        assertEquals(OrreryCli.EXIT_OK, run("export-arinc", example("flight-control"), "-o", xml.toString()), err.toString());
        Path back = dir.resolve("fc.orrery");
        assertEquals(OrreryCli.EXIT_OK, run("import-arinc", xml.toString(), "-o", back.toString()), err.toString());
        Path again = dir.resolve("fc2.xml");
        assertEquals(OrreryCli.EXIT_OK, run("export-arinc", back.toString(), "-o", again.toString()), err.toString());
        assertEquals(Files.readString(xml), Files.readString(again));

        Path air = Path.of(fixture("vendor/air/ports-config.xml"));
        assertEquals(OrreryCli.EXIT_OK, run("import-arinc", air.toString(), "-o", dir.resolve("air.orrery").toString()), err.toString());
        assertTrue(err.toString().contains(air + ":102:3: warning[arinc-import]: <AIR_Configuration>"), err.toString());
    }

    @Test
    void importArincRefusesWhatOrreryCannotRepresent(@TempDir Path dir) {
        String xml = fixture("arinc/pseudo-partition.xml");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("import-arinc", xml, "-o", dir.resolve("x.orrery").toString()));
        assertTrue(err.toString().startsWith(xml + ":17:9: error[arinc-import]"), err.toString());
        assertNoStackTrace();
    }

    @Test
    void importOfAVendorValidXmcfExitsZeroWhenOnlyWarningsRemain(@TempDir Path dir) throws Exception {
        // The refresh-below-period case of issue 15, alone: XtratuM accepts a validPeriod below the source's period.
        String two = Files.readString(Path.of(fixture("xtratum/two-cores.xml")));
        Path xml = dir.resolve("short-valid.xml");
        Files.writeString(xml, two.replaceFirst("validPeriod=\"[^\"]*\"", "validPeriod=\"1us\""));
        assertEquals(OrreryCli.EXIT_OK, run("import", xml.toString(), "-o", dir.resolve("x.orrery").toString()), err.toString());
        assertTrue(err.toString().contains("warning[refresh-below-period]"), err.toString());
    }
}
