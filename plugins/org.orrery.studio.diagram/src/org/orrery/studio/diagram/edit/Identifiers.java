// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.xtext.Grammar;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

/** Names as graphical edits write them into the text. */
public final class Identifiers {

    private static Set<String> keywords;

    private Identifiers() {
    }

    /**
     * {@code id} (a name or partition.port) as the grammar reads it: a segment that is one of the language's
     * keywords the Name rule does not take bare is escaped with '^'. The change serializer does not do this: a
     * channel named 'from' makes it write text that does not parse.
     */
    public static String escaped(String id) {
        StringBuilder out = new StringBuilder();
        for (String segment : id.split("\\.", -1)) {
            out.append(out.isEmpty() ? "" : ".").append(keywords().contains(segment) ? "^" : "").append(segment);
        }
        return out.toString();
    }

    private static synchronized Set<String> keywords() {
        if (keywords == null) {
            Grammar grammar = Language.injector().getInstance(IGrammarAccess.class).getGrammar();
            Set<String> all = new HashSet<>(GrammarUtil.getAllKeywords(grammar));
            GrammarUtil.containedKeywords(GrammarUtil.findRuleForName(grammar, "Name")).forEach(k -> all.remove(k.getValue()));
            keywords = Set.copyOf(all);
        }
        return keywords;
    }
}
