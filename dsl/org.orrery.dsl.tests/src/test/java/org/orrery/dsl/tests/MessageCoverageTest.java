// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.tests.MessageTemplates.Sink;
import org.orrery.dsl.tests.MessageTemplates.Template;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * Every message the rules and the importer can write has a negative fixture that expects it, and every fixture's
 * message is one they write. A rule that gains a message (a new {@code error(...)}, a new row in a rule's table)
 * fails here until a fixture expects it. The compiler passes config-invalid messages on from the OS's configuration
 * validator, whose sources are not read here: {@link NegativeFixtures} lists the checks a model can reach.
 */
class MessageCoverageTest {

    private static final Path MAIN = Path.of("dsl/org.orrery.dsl/src/main/java/org/orrery/dsl");
    private static final Pattern CODE_CONSTANT = Pattern.compile("OrreryIssueCodes\\.([A-Z_]+)");

    /** The calls that report a rule's problem. Violation, Missing and over(...) build the messages of three rules. */
    private static final List<Sink> RULE_SINKS = List.of(
            Sink.report("error"), Sink.report("warning"), Sink.report("info"),
            Sink.constructor("Violation", OrreryIssueCodes.VALUE_RANGE, 2),
            Sink.constructor("Missing", OrreryIssueCodes.REQUIRED_ATTRIBUTE, 1),
            Sink.helper("over", OrreryIssueCodes.LIMIT_EXCEEDED, 0, 1),
            Sink.constructor("Diagnostic", null, 5),
            Sink.constructor("SyntaxErrorMessage", OrreryIssueCodes.SYNTAX, 0));

    /** The importer's refusals (errors) and its warnings, both under the {@code xmcf} code. */
    private static final List<Sink> XMCF_SINKS = List.of(Sink.constructor("XmcfException", OrreryIssueCodes.XMCF, 2),
            Sink.helper("warn", OrreryIssueCodes.XMCF, 1));

    /** The importer's messages no XM_CF file can cause, and why. */
    private static final Map<String, String> XMCF_UNREACHABLE = Map.of(
            "no root element", "the XML parser already refuses a document without an element: malformed XML");

    private static List<Path> sources(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.repositoryRoot().resolve(MAIN).resolve(dir))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static List<Template> ruleTemplates() throws IOException {
        List<Path> files = new ArrayList<>(sources("validation"));
        // the language's own syntax errors
        files.addAll(sources("syntax"));
        // the compiler's own diagnostics that a file's content can cause
        files.add(Fixtures.repositoryRoot().resolve(MAIN).resolve("Compilation.java"));
        files.add(Fixtures.repositoryRoot().resolve(MAIN).resolve("SystemCompiler.java"));
        files.add(Fixtures.repositoryRoot().resolve(MAIN).resolve("SyntaxFirst.java"));
        return MessageTemplates.scan(files, RULE_SINKS).stream()
                .filter(t -> !t.code().equals(OrreryIssueCodes.FILE_UNREADABLE)).toList();
    }

    @Test
    void everyRuleMessageHasANegativeFixture() throws IOException {
        List<Template> templates = ruleTemplates();
        // The syntax fixture's message is the parser's own; the language writes the other syntax messages itself.
        assertCovered(templates, NegativeFixtures.all().stream().filter(f -> !f.name().equals("syntax"))
                .map(f -> new Expected(f.name(), f.code(), f.message())).toList());
    }

    @Test
    void everyImportMessageHasAnXmlFixture() throws IOException {
        List<Template> templates = MessageTemplates.scan(sources("xtratum"), XMCF_SINKS).stream()
                .filter(t -> XMCF_UNREACHABLE.keySet().stream().noneMatch(t::matches)).toList();
        assertEquals(XMCF_UNREACHABLE.size(), MessageTemplates.scan(sources("xtratum"), XMCF_SINKS).size() - templates.size(),
                "an unreachable message is no longer written: " + XMCF_UNREACHABLE.keySet());
        List<Expected> expected = new ArrayList<>(XmcfErrorsTest.errors()
                .map(a -> new Expected((String) a.get()[0], OrreryIssueCodes.XMCF, (String) a.get()[3])).toList());
        XmcfWarningsTest.expected().forEach(r -> expected.add(new Expected(XmcfWarningsTest.FIXTURE, OrreryIssueCodes.XMCF, (String) r[2])));
        assertCovered(templates, expected);
    }

    /** The scan is not blind: every code the rules name is found with at least one message. */
    @Test
    void everyCodeTheRulesReportHasMessages() throws IOException {
        Set<String> withTemplates = ruleTemplates().stream().map(Template::code).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        for (Path file : sources("validation")) {
            Matcher m = CODE_CONSTANT.matcher(Files.readString(file));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertFalse(named.isEmpty());
        for (String constant : named) {
            String code;
            try {
                code = (String) OrreryIssueCodes.class.getField(constant).get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(constant, e);
            }
            assertTrue(withTemplates.contains(code), "no message found for " + code);
        }
    }

    private record Expected(String fixture, String code, String message) {
    }

    /**
     * Each fixture's message is credited to the most specific template of its
     * code that it matches (most literal characters: "BSP 'x' has 1025 memory regions" is the BSP's message, not the
     * system's); each template must be credited at least once.
     */
    private static void assertCovered(List<Template> templates, List<Expected> fixtures) {
        Set<String> codes = templates.stream().map(Template::code).collect(Collectors.toSet());
        Set<Template> credited = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Expected f : fixtures) {
            if (!codes.contains(f.code())) {
                continue; // messages written by Xtext (syntax, linking), not by these sources
            }
            List<Template> matching = templates.stream().filter(t -> t.code().equals(f.code()) && t.matches(f.message()))
                    .sorted(Comparator.comparingInt(Template::weight).reversed()).toList();
            if (matching.isEmpty()) {
                problems.add("fixture " + f.fixture() + " expects a message no source writes: " + f.message());
            } else if (matching.size() > 1 && matching.get(0).weight() == matching.get(1).weight()) {
                problems.add("fixture " + f.fixture() + " matches several messages equally: " + matching);
            } else {
                credited.add(matching.get(0));
            }
        }
        templates.stream().filter(t -> !credited.contains(t)).forEach(t -> problems.add("no fixture for the message of " + t));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
