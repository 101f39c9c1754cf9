// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Text positions of the model's elements, for graphical edits written as text. Xtext's change serializer can only
 * rewrite a changed list as its whole container (for a top-level declaration, the file; for a window, its core's
 * block), reformatted; insertions and removals are therefore placed here as single-line edits.
 */
public final class ElementText {

    private ElementText() {
    }

    /** Offset just after the last real token of {@code element} (before trailing blanks and comments). */
    public static int endOf(EObject element) {
        ICompositeNode node = NodeModelUtils.getNode(element);
        int end = node.getOffset();
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden()) {
                end = leaf.getEndOffset();
            }
        }
        return end;
    }

    /** Offset just after the last real token of {@code element}'s {@code feature} (e.g. its last destination). */
    public static int endOf(EObject element, EStructuralFeature feature) {
        int end = -1;
        for (INode node : NodeModelUtils.findNodesForFeature(element, feature)) {
            for (ILeafNode leaf : node.getLeafNodes()) {
                if (!leaf.isHidden()) {
                    end = Math.max(end, leaf.getEndOffset());
                }
            }
        }
        if (end < 0) {
            throw new IllegalStateException("The declaration has no " + feature.getName() + " in the text.");
        }
        return end;
    }

    /** Offset just after the last real token before {@code element} (e.g. the brace of the block it opens). */
    public static int lastTokenEndBefore(EObject element) {
        int start = startOf(element);
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(NodeModelUtils.getNode(element).getRootNode(), start);
        for (INode n = leaf; n != null; n = previousLeaf(n)) {
            if (n instanceof ILeafNode l && !l.isHidden() && l.getEndOffset() <= start) {
                return l.getEndOffset();
            }
        }
        return 0;
    }

    private static INode previousLeaf(INode node) {
        INode n = node;
        while (n != null && !n.hasPreviousSibling()) {
            n = n.getParent();
        }
        if (n == null) {
            return null;
        }
        n = n.getPreviousSibling();
        while (n instanceof ICompositeNode c && c.getLastChild() != null) {
            n = c.getLastChild();
        }
        return n;
    }

    /** Offset of the first real token of {@code element}. */
    public static int startOf(EObject element) {
        ICompositeNode node = NodeModelUtils.getNode(element);
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden()) {
                return leaf.getOffset();
            }
        }
        return node.getOffset();
    }

    /** The declaration's tokens on one line, single-spaced, as the serializer wrote them. */
    public static String oneLine(EObject element) {
        return NodeModelUtils.getTokenText(NodeModelUtils.getNode(element)).trim();
    }

    /** Inserts {@code line} on its own line after {@code previous}, or at the end of the text when null. */
    public static List<TextEdit> insertAfter(String text, EObject previous, String line) {
        if (previous == null) {
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return List.of(new TextEdit(text.length(), 0, sep + line + "\n"));
        }
        return List.of(new TextEdit(endOf(previous), 0, "\n" + line));
    }

    /**
     * Removes {@code element}; when nothing else shares its lines, the lines go too (with their line break),
     * so no blank line is left behind.
     */
    public static List<TextEdit> remove(String text, EObject element) {
        int start = startOf(element);
        int end = endOf(element);
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
        boolean alone = text.substring(lineStart, start).isBlank() && text.substring(end, lineEnd).isBlank();
        return alone ? List.of(new TextEdit(lineStart, lineEnd - lineStart, ""))
                : List.of(new TextEdit(start, end - start, ""));
    }
}
