// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Grammar;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.TerminalRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.OrreryStandaloneSetup;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.documentation.KeywordDocumentation;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * {@code docs/language.md} against the language: every keyword of the grammar (read from the grammar the parser
 * uses, not from a list) and every rule code appear in it, every keyword's text that the editor's hover and
 * content assist show is in it word for word, and its worked example is a clean system.
 */
class LanguageReferenceTest {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");

    private static Grammar grammar;
    private static String doc;

    @BeforeAll
    static void load() throws IOException {
        grammar = new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(IGrammarAccess.class)
                .getGrammar();
        doc = Files.readString(reference());
    }

    static Path reference() {
        return Fixtures.repositoryRoot().resolve("docs/language.md");
    }

    @Test
    void everyKeywordOfTheGrammarAppearsAsCode() {
        Set<String> code = codeTokens(doc);
        String allCode = String.join("\n", codeTexts(doc));
        Set<String> keywords = new TreeSet<>(GrammarUtil.getAllKeywords(grammar));
        assertTrue(keywords.size() > 100, "keywords read from the grammar: " + keywords);
        List<String> missing = keywords.stream()
                .filter(k -> isWord(k) ? !code.contains(k) : !allCode.contains(k)).toList();
        assertEquals(List.of(), missing, "keywords of the grammar not shown as code in " + reference());
    }

    @Test
    void everyRuleCodeAppearsAsCode() throws IllegalAccessException {
        Set<String> spans = new LinkedHashSet<>();
        Matcher m = SPAN.matcher(doc);
        while (m.find()) {
            spans.add(m.group(1));
        }
        List<String> missing = new ArrayList<>();
        for (Field f : OrreryIssueCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String ruleCode = (String) f.get(null);
                if (!spans.contains(ruleCode)) {
                    missing.add(ruleCode);
                }
            }
        }
        assertEquals(List.of(), missing, "rule codes not documented in " + reference());
    }

    /** Hover and content assist read one table; each keyword of the grammar has its entry, and nothing else does. */
    @Test
    void everyKeywordHasItsEditorText() {
        Set<String> expected = new TreeSet<>();
        for (AbstractRule rule : grammar.getRules()) {
            if (rule instanceof TerminalRule || rule instanceof ParserRule p && GrammarUtil.isDatatypeRule(p)) {
                continue; // keywords of names and terminals are the same words used elsewhere, or punctuation
            }
            for (Keyword k : GrammarUtil.containedKeywords(rule)) {
                if (isWord(k.getValue())) {
                    expected.add(KeywordDocumentation.key(k));
                }
            }
        }
        assertTrue(expected.size() > 100, expected.toString());
        Set<String> actual = new TreeSet<>(KeywordDocumentation.all().keySet());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> stale = new TreeSet<>(actual);
        stale.removeAll(expected);
        assertEquals(Set.of(), missing, "keywords without a text in keywords.properties");
        assertEquals(Set.of(), stale, "texts in keywords.properties for keywords the grammar does not have");
    }

    @Test
    void theReferenceSaysWhatTheEditorSays() {
        String normalized = normalize(doc);
        List<String> missing = KeywordDocumentation.all().entrySet().stream()
                .filter(e -> !normalized.contains(normalize(e.getValue()))).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "keyword texts (keywords.properties) not repeated word for word in "
                + reference());
    }

    @Test
    void theWorkedExampleIsACleanSystem() {
        String example = workedExample();
        Compilation c = SystemCompiler.create().compileSource(reference().resolveSibling("worked-example.orrery"),
                example);
        assertEquals(List.of(), c.diagnostics(),
                c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        assertTrue(c.config().isPresent(), "the worked example yields a configuration");
    }

    /** Every Orrery snippet of the reference is valid syntax (fragments need not be complete systems). */
    @Test
    void everySnippetParses() {
        SystemCompiler compiler = SystemCompiler.create();
        Matcher m = FENCE.matcher(doc);
        int n = 0;
        List<String> broken = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("orrery")) {
                continue;
            }
            n++;
            Compilation c = compiler.compileSource(reference().resolveSibling("snippet-" + n + ".orrery"), m.group(2));
            c.diagnostics().stream().filter(d -> d.code().equals(OrreryIssueCodes.SYNTAX))
                    .forEach(d -> broken.add("snippet " + d.format()));
        }
        assertTrue(n > 5, "orrery snippets found: " + n);
        assertEquals(List.of(), broken);
    }

    /** The first {@code orrery} code block after the heading "Worked example". */
    static String workedExample() {
        int at = doc.indexOf("## Worked example");
        assertTrue(at >= 0, "no '## Worked example' heading in " + reference());
        Matcher m = FENCE.matcher(doc);
        while (m.find(at)) {
            if (m.group(1).equals("orrery")) {
                return m.group(2);
            }
            at = m.end();
        }
        throw new AssertionError("no orrery code block after '## Worked example'");
    }

    private static boolean isWord(String keyword) {
        return keyword.chars().anyMatch(Character::isLetter);
    }

    /** Inline code spans and fenced blocks. */
    private static List<String> codeTexts(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher f = FENCE.matcher(markdown);
        StringBuilder prose = new StringBuilder();
        int last = 0;
        while (f.find()) {
            out.add(f.group(2));
            prose.append(markdown, last, f.start());
            last = f.end();
        }
        prose.append(markdown.substring(last));
        Matcher s = SPAN.matcher(prose);
        while (s.find()) {
            out.add(s.group(1));
        }
        return out;
    }

    /** Words of the code in {@code markdown}; a word may hold letters, digits, '_' and '-'. */
    private static Set<String> codeTokens(String markdown) {
        Set<String> tokens = new TreeSet<>();
        for (String code : codeTexts(markdown)) {
            for (String t : code.split("[^A-Za-z0-9_-]+")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
        }
        return tokens;
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
