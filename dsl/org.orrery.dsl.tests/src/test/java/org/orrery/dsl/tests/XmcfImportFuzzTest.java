// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.dsl.xtratum.XmcfException;
import org.orrery.dsl.xtratum.XmcfImporter;

/**
 * Damaged XM_CF files: each case damages the importable fixture (characters overwritten with XML-significant
 * ones, runs removed, lines repeated, numbers replaced by huge, negative or fractional ones) and imports it. The
 * importer must refuse with an {@link XmcfException} that has a position and a message, or write Orrery text
 * that parses (whatever the validator then says about it); any other exception is a bug. Case count:
 * {@code orrery.fuzz.cases} / 20 (500 by default, 10,000 with {@code -P slow-tests}, 1,000,000 with
 * {@code -P long-fuzz}; a case imports and parses).
 */
class XmcfImportFuzzTest {

    /** A long run says how far it got (a million cases take minutes to hours on a shared machine). */
    private static final int PROGRESS_EVERY = 100_000;

    private static final String SIGNIFICANT = "<>/\"'=& \n0123456789abcxyz-.:_";
    private static final String[] NUMBERS = {"0", "-1", "99999999999999999999", "0.5", "0x7fffffffffffffff", "1e9",
        "4294967296", ""};

    private static String damage(String xml, SplittableRandom r) {
        StringBuilder s = new StringBuilder(xml);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(4)) {
                case 0 -> s.setCharAt(at, SIGNIFICANT.charAt(r.nextInt(SIGNIFICANT.length())));
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(24)));
                case 2 -> { // repeat the line holding 'at' (a second partition, slot, channel end...)
                    int start = s.lastIndexOf("\n", at) + 1;
                    int end = s.indexOf("\n", at);
                    if (end > start) {
                        s.insert(start, s.substring(start, end + 1));
                    }
                }
                default -> { // replace the number at or after 'at'
                    int from = at;
                    while (from < s.length() && !Character.isDigit(s.charAt(from))) {
                        from++;
                    }
                    int to = from;
                    while (to < s.length() && Character.isDigit(s.charAt(to))) {
                        to++;
                    }
                    if (from < s.length()) {
                        s.replace(from, to, NUMBERS[r.nextInt(NUMBERS.length)]);
                    }
                }
            }
        }
        return s.toString();
    }

    @Test
    void damagedFilesAreRefusedWithAPositionOrImportIntoTextThatParses() throws Exception {
        String valid = Files.readString(Fixtures.fixture(XmcfImportTest.POSITIVE));
        SystemCompiler compiler = SystemCompiler.create();
        XmcfImporter importer = new XmcfImporter(compiler.keywords());
        Path virtual = Fixtures.dir().resolve("xmcf-fuzz.orrery");
        SplittableRandom random = new SplittableRandom(Long.getLong("orrery.fuzz.seed", 42));
        int cases = Integer.getInteger("orrery.fuzz.cases", 10_000) / 20;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            if (i > 0 && i % PROGRESS_EVERY == 0) {
                System.out.println("[fuzz] XM_CF importer: " + refused + " of " + i + " refused so far" + rate(i, start));
            }
            String xml = damage(valid, random);
            String text;
            try {
                text = importer.importFrom(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).text();
            } catch (XmcfException expected) {
                assertTrue(expected.line() >= 1 && expected.column() >= 1 && expected.getMessage() != null
                        && !expected.getMessage().isBlank(), "case " + i + ": " + expected.line() + ":"
                        + expected.column() + " " + expected.getMessage());
                refused++;
                continue;
            } catch (Exception | StackOverflowError escaped) {
                throw new AssertionError("case " + i + " escaped as " + escaped + " on:\n" + xml, escaped);
            }
            Compilation c = compiler.compileSource(virtual, text);
            List<Diagnostic> syntax = c.diagnostics().stream()
                    .filter(d -> d.code().equals(OrreryIssueCodes.SYNTAX)).toList();
            assertEquals(List.of(), syntax, "case " + i + ": the import wrote text that does not parse:\n" + text
                    + "\nfrom:\n" + xml);
        }
        String counts = refused + " of " + cases + " refused";
        assertTrue(refused > cases / 4 && refused < cases, counts);
        System.out.println("[fuzz] XM_CF importer: " + counts + rate(cases, start));
    }

    /** The run's figures for the report: cases, seconds, cases per second. */
    private static String rate(int cases, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "; %,d cases in %.1f s (%,.0f cases/s)", cases, seconds,
                cases / Math.max(seconds, 1e-9));
    }
}
