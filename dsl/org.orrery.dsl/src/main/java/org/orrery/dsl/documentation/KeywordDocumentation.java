// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.documentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;

/**
 * What each keyword means, from {@code keywords.properties} beside this class: one Markdown text per keyword,
 * keyed {@code Rule.keyword} by the grammar rule the keyword belongs to (so {@code memory} of a board and of a
 * partition say different things). The editor's hover and content assist show these texts, and
 * {@code docs/language.md} repeats each word for word; a test holds the grammar, this table and the reference
 * together.
 */
public final class KeywordDocumentation {

    private static final String RESOURCE = "keywords.properties";
    private static final Map<String, String> TEXTS = load();

    private KeywordDocumentation() {
    }

    /** Every entry, {@code Rule.keyword} to its text, sorted by key. */
    public static Map<String, String> all() {
        return TEXTS;
    }

    /** The key of a keyword of the grammar: {@code Rule.keyword}. */
    public static String key(Keyword keyword) {
        AbstractRule rule = GrammarUtil.containingRule(keyword);
        return (rule == null ? "" : rule.getName()) + "." + keyword.getValue();
    }

    /** The text of {@code keyword}, or null if it has none (punctuation, keywords used as names). */
    public static String of(Keyword keyword) {
        return keyword == null ? null : TEXTS.get(key(keyword));
    }

    /**
     * The text of a grammar element a parsed word came from: a keyword, or an enumeration literal (whose keyword
     * is its literal); null for anything else.
     */
    public static String ofGrammarElement(EObject grammarElement) {
        if (grammarElement instanceof Keyword k) {
            return of(k);
        }
        if (grammarElement instanceof EnumLiteralDeclaration literal) {
            return of(literal.getLiteral());
        }
        return null;
    }

    /**
     * The first sentence of a text (up to the first full stop followed by a space, an ellipsis {@code ...} not
     * counting), for one-line displays such as a completion proposal's detail.
     */
    public static String summary(String text) {
        if (text == null) {
            return null;
        }
        for (int end = text.indexOf(". "); end >= 0; end = text.indexOf(". ", end + 1)) {
            if (end == 0 || text.charAt(end - 1) != '.') {
                return text.substring(0, end + 1);
            }
        }
        return text;
    }

    /** The first code span of a text: for a construct's keyword, its syntax ({@code partition NAME { ... }}). */
    public static String syntax(String text) {
        int start = text == null ? -1 : text.indexOf('`');
        int end = start < 0 ? -1 : text.indexOf('`', start + 1);
        return end < 0 ? null : text.substring(start + 1, end);
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = KeywordDocumentation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + KeywordDocumentation.class.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        p.forEach((k, v) -> texts.put(((String) k).strip(), ((String) v).strip()));
        return Collections.unmodifiableMap(texts);
    }
}
