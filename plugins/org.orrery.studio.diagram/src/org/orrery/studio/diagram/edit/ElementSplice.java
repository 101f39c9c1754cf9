// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.impl.AbstractNode;
import org.eclipse.xtext.nodemodel.impl.CompositeNode;
import org.eclipse.xtext.nodemodel.impl.LeafNode;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer;

/**
 * Inserts one new top-level declaration into a parsed resource without parsing the file again. Xtext's partial
 * parser re-parses the smallest rule around a change; for a new declaration that rule is the file's root, so it
 * parses the whole text (a third of a second on 1,000 partitions). Here the declaration alone is parsed with the
 * rule call the file's declarations are parsed with, and its node and object are linked in after the declaration
 * it follows; only its own cross-references are linked. The resource then holds what a full parse of the new text
 * gives: the same objects in the same places, nodes of the same grammar elements at the same offsets.
 * <p>
 * That holds under conditions checked before anything changes, otherwise the caller parses the whole text:
 * <ul>
 * <li>the text parses without syntax errors, and the insertion follows the last token of a declaration;</li>
 * <li>the inserted text is exactly one declaration (with its leading blanks) and parses without errors;</li>
 * <li>no reference of the language can point to an object of the new kind (it could change what an existing
 * reference resolves to).</li>
 * </ul>
 * References not resolved yet stay valid: a proxy names its object, reference and node by a number in the
 * resource's list of them, not by positions the insertion moves.
 * Xtext's node model offers no public way to insert a node between two others; the two sibling links, the parent
 * link and the leaf offsets are set through its own protected methods. Should a later Xtext change them, this
 * answers null and the caller parses the whole text, correct and only slower.
 */
final class ElementSplice {

    private static final Links LINKS = Links.find();

    private ElementSplice() {
    }

    /** The node model's protected setters, or null when this Xtext does not have them. */
    private record Links(MethodHandle parent, MethodHandle previous, MethodHandle next, MethodHandle offset,
            MethodHandle link) {

        static Links find() {
            try {
                return new Links(setter(AbstractNode.class, "basicSetParent", CompositeNode.class),
                        setter(AbstractNode.class, "basicSetPreviousSibling", AbstractNode.class),
                        setter(AbstractNode.class, "basicSetNextSibling", AbstractNode.class),
                        setter(LeafNode.class, "basicSetTotalOffset", int.class),
                        method(LazyLinker.class, "doLinkModel", EObject.class, IDiagnosticConsumer.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static MethodHandle setter(Class<?> owner, String name, Class<?> type) throws ReflectiveOperationException {
            return method(owner, name, type).asType(MethodType.methodType(void.class, owner, type));
        }

        private static MethodHandle method(Class<?> owner, String name, Class<?>... types) throws ReflectiveOperationException {
            Method m = owner.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        }
    }

    /**
     * Inserts {@code text} (one declaration, usually preceded by a line break) at {@code offset} of
     * {@code resource}'s text, which is {@code oldText}. Answers the new declaration's object, or null when the
     * conditions above do not hold; the resource is then unchanged. A failure after the first change throws
     * {@link IllegalStateException}: the resource must be discarded.
     */
    static EObject insert(XtextResource resource, String oldText, int offset, String text) {
        IParseResult parse = resource.getParseResult();
        if (LINKS == null || !(resource.getLinker() instanceof LazyLinker) || parse == null || parse.hasSyntaxErrors() || parse.getRootASTElement() == null) {
            return null;
        }
        EObject root = parse.getRootASTElement();
        ICompositeNode rootNode = parse.getRootNode();
        CompositeNode previous = declarationEndingAt(rootNode, offset);
        if (previous == null || !(previous.getGrammarElement() instanceof RuleCall call)) {
            return null;
        }
        Assignment assignment = GrammarUtil.containingAssignment(call);
        EStructuralFeature feature = assignment == null ? null : root.eClass().getEStructuralFeature(assignment.getFeature());
        if (!(feature instanceof EReference list) || !list.isContainment() || !list.isMany()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<EObject> declarations = (List<EObject>) root.eGet(list);
        int index = declarations.indexOf(declarationOf(previous)) + 1;
        if (index == 0) {
            return null;
        }
        IParseResult part = resource.getParser().parse(call, new StringReader(text), previous.getLookAhead());
        EObject fresh = part.getRootASTElement();
        INode only = part.getRootNode() == null ? null : part.getRootNode().getFirstChild();
        if (part.hasSyntaxErrors() || fresh == null || !(only instanceof CompositeNode node) || node.hasNextSibling()
                || node.getTotalLength() != text.length() || isReferenceTarget(fresh.eClass())) {
            return null;
        }
        try {
            link(rootNode, previous, node);
            renumber(node, offset);
            new NodeModelBuilder().setCompleteContent(rootNode, oldText.substring(0, offset) + text + oldText.substring(offset));
            declarations.add(index, fresh);
            // The linker's own entry point first forgets every proxy of the resource (they are numbered in a
            // list it clears), which would orphan the references not resolved yet; its work proper does not.
            LINKS.link.invoke((LazyLinker) resource.getLinker(), fresh, (IDiagnosticConsumer) new ListBasedDiagnosticConsumer());
        } catch (Throwable e) {
            throw new IllegalStateException("The declaration could not be inserted into the parsed file: " + e, e);
        }
        return fresh;
    }

    /**
     * Takes out a declaration {@link #insert} put in, leaving the resource as it was before: its text is then
     * {@code oldText}. Answers false, changing nothing, when {@code inserted} is not a declaration of the file's
     * root; throws {@link IllegalStateException} when it fails half-way (the resource must be discarded).
     */
    static boolean remove(XtextResource resource, EObject inserted, String oldText) {
        IParseResult parse = resource.getParseResult();
        ICompositeNode rootNode = parse == null ? null : parse.getRootNode();
        INode node = NodeModelUtils.getNode(inserted);
        while (node != null && node.getParent() != rootNode) {
            node = node.getParent();
        }
        if (LINKS == null || node == null || !(node.getPreviousSibling() instanceof AbstractNode previous)
                || inserted.eContainer() != parse.getRootASTElement()) {
            return false;
        }
        int start = node.getTotalOffset();
        int end = node.getTotalEndOffset();
        try {
            // Failed links of the declaration are the resource's errors; they go with it.
            resource.getErrors().removeIf(d -> d instanceof AbstractDiagnostic a && a.getOffset() >= start && a.getOffset() < end);
            resource.getWarnings().removeIf(d -> d instanceof AbstractDiagnostic a && a.getOffset() >= start && a.getOffset() < end);
            INode after = node.getNextSibling();
            AbstractNode next = (AbstractNode) (after != null ? after : rootNode.getFirstChild());
            LINKS.next.invokeExact(previous, next);
            LINKS.previous.invokeExact(next, previous);
            if (after != null) {
                renumber(after, start);
            }
            new NodeModelBuilder().setCompleteContent(rootNode, oldText);
            EcoreUtil.remove(inserted);
        } catch (Throwable e) {
            throw new IllegalStateException("The declaration could not be taken out of the parsed file: " + e, e);
        }
        return true;
    }

    /** The root's child node of a declaration whose last token ends at {@code offset}, nothing hidden after it. */
    private static CompositeNode declarationEndingAt(ICompositeNode root, int offset) {
        for (INode child : root.getChildren()) {
            if (child.getTotalEndOffset() == offset && child.getEndOffset() == offset && child instanceof CompositeNode c) {
                return c;
            }
            if (child.getTotalOffset() > offset) {
                return null;
            }
        }
        return null;
    }

    /**
     * The object of a declaration's node. A declaration is parsed through the rule that chooses its kind, whose
     * node holds no object itself; the node of the kind's rule, inside it, does.
     */
    private static EObject declarationOf(ICompositeNode node) {
        for (INode n = node; n instanceof ICompositeNode c; n = c.getFirstChild()) {
            if (c.hasDirectSemanticElement()) {
                return c.getSemanticElement();
            }
        }
        return null;
    }

    /** Whether some cross-reference of the language may point to an object of {@code type}. */
    private static boolean isReferenceTarget(EClass type) {
        for (EClassifier c : type.getEPackage().getEClassifiers()) {
            if (c instanceof EClass owner) {
                for (EReference r : owner.getEReferences()) {
                    if (!r.isContainment() && !r.isContainer() && r.getEReferenceType().isSuperTypeOf(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Links {@code node} into {@code previous}'s parent right after it. */
    private static void link(ICompositeNode parent, CompositeNode previous, CompositeNode node) throws Throwable {
        AbstractNode after = (AbstractNode) previous.getNextSibling();
        // A parent's children form a ring: the last one's next sibling is the first.
        AbstractNode next = after != null ? after : (AbstractNode) parent.getFirstChild();
        LINKS.parent.invokeExact((AbstractNode) node, (CompositeNode) parent);
        LINKS.previous.invokeExact((AbstractNode) node, (AbstractNode) previous);
        LINKS.next.invokeExact((AbstractNode) node, next);
        LINKS.next.invokeExact((AbstractNode) previous, (AbstractNode) node);
        LINKS.previous.invokeExact(next, (AbstractNode) node);
    }

    /** Gives every leaf from {@code node} to the end of the text its offset: they follow one another. */
    private static void renumber(INode node, int offset) throws Throwable {
        int at = offset;
        for (INode n = node; n != null; n = n.getNextSibling()) {
            for (ILeafNode leaf : n.getLeafNodes()) {
                LINKS.offset.invokeExact((LeafNode) leaf, at);
                at += leaf.getTotalLength();
            }
        }
    }
}
