// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.highlighting;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;

/**
 * What a name means where it stands, from the parsed model: a reference to a partition, a port, a plan or a VM,
 * or the declaration of a name. Lexical highlighting cannot tell `nav` in `window nav` (a partition) from `nav`
 * in `from nav.out` (a port's partition part) or from any other word; the parser can. Computed headlessly so any
 * editor (the Studio, an LSP client through a future semantic-tokens request) colours the same way.
 */
public final class SemanticTokens {

    /** The meaning of a token. */
    public enum Kind {
        PARTITION, PORT, PLAN, VM, OTHER_REFERENCE, DECLARATION
    }

    /** A name at {@code offset} (characters) of length {@code length}. */
    public record Token(int offset, int length, Kind kind) {
    }

    private SemanticTokens() {
    }

    /** The tokens of {@code resource} in document order; empty when it has not been parsed. */
    public static List<Token> of(XtextResource resource) {
        List<Token> tokens = new ArrayList<>();
        if (resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
            return tokens;
        }
        for (INode node : resource.getParseResult().getRootNode().getAsTreeIterable()) {
            if (node.getGrammarElement() instanceof CrossReference ref) {
                tokens.add(new Token(node.getOffset(), node.getLength(), kindOf(ref.getType().getClassifier())));
            } else if (node.getGrammarElement() != null && isNameDeclaration(node)) {
                tokens.add(new Token(node.getOffset(), node.getLength(), Kind.DECLARATION));
            }
        }
        return tokens;
    }

    private static boolean isNameDeclaration(INode node) {
        Assignment assignment = GrammarUtil.containingAssignment(node.getGrammarElement());
        // The rule call inside `name=Name` (a composite node); its leaves would repeat the same range.
        return assignment != null && "name".equals(assignment.getFeature()) && assignment.getTerminal() ==
                node.getGrammarElement() && node.getLength() > 0;
    }

    private static Kind kindOf(EClassifier target) {
        return switch (target == null ? "" : target.getName()) {
            case "Partition" -> Kind.PARTITION;
            case "Port" -> Kind.PORT;
            case "Plan" -> Kind.PLAN;
            case "Vm" -> Kind.VM;
            default -> Kind.OTHER_REFERENCE;
        };
    }
}
