// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.syntax;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;

/**
 * The keywords a top-level declaration starts with, read from the grammar's entry rule: what a file may say where
 * the parser found something that starts nothing.
 */
public final class Declarations {

    private Declarations() {
    }

    public static List<String> starters(ParserRule entry) {
        Set<String> out = new LinkedHashSet<>();
        // The entry rule is a sequence of optional parts, so each of them may come first.
        if (entry.getAlternatives() instanceof Group g) {
            g.getElements().forEach(e -> first(e, out, new LinkedHashSet<>()));
        } else {
            first(entry.getAlternatives(), out, new LinkedHashSet<>());
        }
        return List.copyOf(out);
    }

    private static void first(EObject element, Set<String> out, Set<AbstractRule> seen) {
        if (element instanceof Keyword k) {
            out.add(k.getValue());
        } else if (element instanceof Group g && !g.getElements().isEmpty()) {
            first(g.getElements().get(0), out, seen);
        } else if (element instanceof Alternatives a) {
            for (AbstractElement e : a.getElements()) {
                first(e, out, seen);
            }
        } else if (element instanceof Assignment a) {
            first(a.getTerminal(), out, seen);
        } else if (element instanceof RuleCall c && c.getRule() instanceof ParserRule r && seen.add(r)) {
            first(r.getAlternatives(), out, seen);
        }
    }
}
