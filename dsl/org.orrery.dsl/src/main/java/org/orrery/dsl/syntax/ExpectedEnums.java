// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.syntax;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.orrery.dsl.orrery.Model;

/**
 * Where a mistyped enumerated value makes the parser leave a rule before the value's own rule is entered, the
 * enumeration it most likely meant: the parser only says what it expected instead (a closing brace, the end of
 * the file). Two places in a grammar do that, both found by reading the grammar rather than by name.
 */
final class ExpectedEnums {

    private ExpectedEnums() {
    }

    /**
     * Inside a rule whose list elements start with an enumerated value ({@code state X { ERROR at ... }}): the
     * value that should have started the next element. Null unless exactly one such list exists.
     */
    static EnumRule startingAListElement(INode current) {
        if (!(current != null && current.getGrammarElement() instanceof RuleCall call
                && call.getRule() instanceof ParserRule rule)) {
            return null;
        }
        Set<EnumRule> found = new LinkedHashSet<>();
        for (Assignment a : GrammarUtil.containedAssignments(rule)) {
            if (a.getTerminal() instanceof RuleCall rc && rc.getRule() instanceof ParserRule element) {
                EnumRule first = leadingEnum(element.getAlternatives());
                if (first != null) {
                    found.add(first);
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /**
     * After a complete declaration that has an optional enumerated value written without a keyword before it
     * ({@code region ... size 4 KiB rw}): that value, when the declaration left it out and the unexpected word is on
     * the declaration's last line.
     */
    static EnumRule optionalAfter(INode current, int errorOffset, int errorLine) {
        if (current == null) {
            return null;
        }
        ILeafNode last = null;
        for (ILeafNode leaf : current.getRootNode().getLeafNodes()) {
            if (leaf.getTotalEndOffset() > errorOffset) {
                break;
            }
            if (!leaf.isHidden()) {
                last = leaf;
            }
        }
        if (last == null || last.getEndLine() != errorLine) {
            return null;
        }
        EObject declaration = NodeModelUtils.findActualSemanticObjectFor(last);
        while (declaration != null && declaration.eContainer() != null && !(declaration.eContainer() instanceof Model)) {
            declaration = declaration.eContainer();
        }
        if (declaration == null || last.getGrammarElement() == null) {
            return null;
        }
        // Each declaration's rule is named after the type it makes.
        AbstractRule rule = GrammarUtil.findRuleForName(GrammarUtil.getGrammar(last.getGrammarElement()),
                declaration.eClass().getName());
        if (!(rule instanceof ParserRule parserRule)) {
            return null;
        }
        Set<EnumRule> found = new LinkedHashSet<>();
        for (Assignment a : GrammarUtil.containedAssignments(parserRule)) {
            EStructuralFeature f = declaration.eClass().getEStructuralFeature(a.getFeature());
            if (a.getTerminal() instanceof RuleCall rc && rc.getRule() instanceof EnumRule e && f != null
                    && !declaration.eIsSet(f) && !afterKeyword(a)) {
                found.add(e);
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    private static EnumRule leadingEnum(AbstractElement e) {
        AbstractElement first = e instanceof Group g && !g.getElements().isEmpty() ? g.getElements().get(0) : e;
        return first instanceof Assignment a && a.getTerminal() instanceof RuleCall rc && rc.getRule() instanceof EnumRule r
                ? r : null;
    }

    /** Whether a keyword directly precedes the assignment (then the parser enters the value's rule itself). */
    private static boolean afterKeyword(Assignment a) {
        EObject container = a.eContainer();
        if (container instanceof Group g) {
            int i = g.getElements().indexOf(a);
            return i > 0 && g.getElements().get(i - 1) instanceof Keyword;
        }
        return false;
    }
}
