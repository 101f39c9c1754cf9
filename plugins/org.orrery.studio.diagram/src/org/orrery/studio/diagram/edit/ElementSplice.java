// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
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
import org.orrery.dsl.linking.SubtreeLinker;

/**
 * Puts one new top-level declaration into a parsed resource, or one edited declaration in place of the old, without
 * parsing the file again. Xtext's partial parser re-parses the smallest rule around a change; for a new
 * declaration that rule is the file's root, so it parses the whole text (a third of a second on 1,000 partitions),
 * and after a change of a declaration holding cross-references the resource re-links the whole file. Here the
 * declaration alone is parsed with the rule call the file's declarations are parsed with, its node and object take
 * their place in the tree (after the declaration it follows, or in place of the old one), and only its own
 * cross-references are linked. The resource then holds what a full parse of the new text gives: the same objects
 * in the same places, nodes of the same grammar elements at the same offsets. {@link Splice#undo} takes it back.
 * <p>
 * That holds under conditions checked before anything changes, otherwise the caller parses the whole text:
 * <ul>
 * <li>the text parses without syntax errors, and the insertion follows the last token of a declaration, or the
 * edit lies within one declaration (not the file's first);</li>
 * <li>the declaration's new text parses alone without errors, as exactly one declaration;</li>
 * <li>no reference of the language can point to an object of its kind (it could change what an existing
 * reference resolves to, or leave one pointing to the object replaced).</li>
 * </ul>
 * References not resolved yet stay valid: a proxy names its object, reference and node by a number in the
 * resource's list of them, not by positions a splice moves.
 * <p>
 * Only the declaration's own references are linked ({@link SubtreeLinker}: Xtext's linker, whose entry point would
 * forget every pending proxy of the resource). Xtext's node model offers no public way to insert a node between
 * two others; the sibling and parent links and the leaf offsets are set through its own protected methods. Should
 * a later Xtext change them, nothing is spliced and the caller parses the whole text, correct and only slower.
 */
final class ElementSplice {

    private static final Links LINKS = Links.find();

    private ElementSplice() {
    }

    /** The node model's protected setters, or null when this Xtext does not have them. */
    private record Links(MethodHandle parent, MethodHandle previous, MethodHandle next, MethodHandle offset) {

        static Links find() {
            try {
                return new Links(setter(AbstractNode.class, "basicSetParent", CompositeNode.class),
                        setter(AbstractNode.class, "basicSetPreviousSibling", AbstractNode.class),
                        setter(AbstractNode.class, "basicSetNextSibling", AbstractNode.class),
                        setter(LeafNode.class, "basicSetTotalOffset", int.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static MethodHandle setter(Class<?> owner, String name, Class<?> type) throws ReflectiveOperationException {
            Method m = owner.getDeclaredMethod(name, type);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(void.class, owner, type));
        }
    }

    /**
     * One declaration put into, replaced in or taken out of a resource. {@link #undo} brings the resource back to
     * what it was (its text then {@code oldText}); it may be called once, before any other change of the resource.
     */
    static final class Splice {

        private final XtextResource resource;
        private final String oldText;
        private final List<EObject> declarations;
        private final int index;
        /** The node the change happened after (the declaration before it). */
        private final CompositeNode previous;
        /** The declaration put in and its node, or nulls for a removal. */
        private final EObject added;
        private final CompositeNode addedNode;
        /** The declaration taken out and its node, or nulls for an insertion; its failed links, taken out with it. */
        private final EObject removed;
        private final CompositeNode removedNode;
        private final List<Resource.Diagnostic> removedErrors;
        private final List<Resource.Diagnostic> removedWarnings;

        private Splice(XtextResource resource, String oldText, List<EObject> declarations, int index,
                CompositeNode previous, EObject added, CompositeNode addedNode, EObject removed, CompositeNode removedNode,
                List<Resource.Diagnostic> removedErrors, List<Resource.Diagnostic> removedWarnings) {
            this.resource = resource;
            this.oldText = oldText;
            this.declarations = declarations;
            this.index = index;
            this.previous = previous;
            this.added = added;
            this.addedNode = addedNode;
            this.removed = removed;
            this.removedNode = removedNode;
            this.removedErrors = removedErrors;
            this.removedWarnings = removedWarnings;
        }

        /** The new declaration's object, or null for a removal. */
        EObject declaration() {
            return added;
        }

        XtextResource resource() {
            return resource;
        }

        /** Takes the change back; throws {@link IllegalStateException} when that fails half-way. */
        void undo() {
            ICompositeNode root = resource.getParseResult().getRootNode();
            int start = previous.getTotalEndOffset();
            try {
                if (addedNode != null) {
                    takeDiagnostics(resource, start, addedNode.getTotalEndOffset());
                    unlink(root, addedNode);
                }
                if (removedNode != null) {
                    linkAfter(root, previous, removedNode);
                }
                INode after = previous.getNextSibling();
                if (after != null) {
                    renumber(after, start);
                }
                new NodeModelBuilder().setCompleteContent(root, oldText);
                if (added != null && removed != null) {
                    declarations.set(index, removed);
                } else if (added != null) {
                    declarations.remove(index);
                } else {
                    declarations.add(index, removed);
                }
                if (removed != null) {
                    resource.getErrors().addAll(removedErrors);
                    resource.getWarnings().addAll(removedWarnings);
                }
            } catch (Throwable e) {
                throw new IllegalStateException("The declaration could not be taken back in the parsed file: " + e, e);
            }
        }
    }

    /**
     * Inserts {@code text} (one declaration, usually preceded by a line break) at {@code offset} of
     * {@code resource}'s text, which is {@code oldText}. Answers the splice, or null when the conditions above do
     * not hold; the resource is then unchanged. A failure after the first change throws
     * {@link IllegalStateException}: the resource must be discarded.
     */
    static Splice insert(XtextResource resource, String oldText, int offset, String text) {
        if (!spliceable(resource)) {
            return null;
        }
        ICompositeNode rootNode = resource.getParseResult().getRootNode();
        CompositeNode previous = null;
        for (INode child : rootNode.getChildren()) {
            if (child.getTotalEndOffset() == offset && child.getEndOffset() == offset && child instanceof CompositeNode c) {
                previous = c;
            }
        }
        List<EObject> declarations = declarations(resource, previous);
        int index = declarations == null ? -1 : declarations.indexOf(declarationOf(previous)) + 1;
        String newText = oldText.substring(0, offset) + text + oldText.substring(offset);
        CompositeNode node = index <= 0 || !apart(newText, offset) || !apart(newText, offset + text.length()) ? null
                : parseAlone(resource, previous, text);
        if (node == null) {
            return null;
        }
        EObject fresh = declarationOf(node);
        try {
            linkAfter(rootNode, previous, node);
            renumber(node, offset);
            new NodeModelBuilder().setCompleteContent(rootNode, newText);
            declarations.add(index, fresh);
            link(resource, fresh);
        } catch (Throwable e) {
            throw new IllegalStateException("The declaration could not be inserted into the parsed file: " + e, e);
        }
        return new Splice(resource, oldText, declarations, index, previous, fresh, node, null, null, null, null);
    }

    /**
     * Replaces {@code length} characters at {@code offset} of {@code resource}'s text ({@code oldText}) by
     * {@code text}, all within one declaration, by parsing that declaration's new text alone. Answers the splice
     * or null, as {@link #insert}.
     */
    static Splice replace(XtextResource resource, String oldText, int offset, int length, String text) {
        if (!spliceable(resource)) {
            return null;
        }
        ICompositeNode rootNode = resource.getParseResult().getRootNode();
        CompositeNode old = null;
        for (INode child : rootNode.getChildren()) {
            if (child.getOffset() <= offset && offset + length <= child.getEndOffset() && child instanceof CompositeNode c
                    && child.getPreviousSibling() instanceof CompositeNode) {
                old = c;
            }
        }
        List<EObject> declarations = declarations(resource, old);
        EObject replaced = declarations == null ? null : declarationOf(old);
        int index = replaced == null ? -1 : declarations.indexOf(replaced);
        if (index < 0 || mayBeReferenced(replaced)) {
            return null;
        }
        int start = old.getTotalOffset();
        String total = old.getText();
        String newTotal = total.substring(0, offset - start) + text + total.substring(offset - start + length);
        String newText = oldText.substring(0, offset) + text + oldText.substring(offset + length);
        if (!apart(newText, start) || !apart(newText, start + newTotal.length())) {
            return null;
        }
        CompositeNode node = parseAlone(resource, old, newTotal);
        if (node == null) {
            return null;
        }
        EObject fresh = declarationOf(node);
        try {
            CompositeNode previous = (CompositeNode) old.getPreviousSibling();
            List<Resource.Diagnostic> errors = takeDiagnostics(resource.getErrors(), start, old.getTotalEndOffset());
            List<Resource.Diagnostic> warnings = takeDiagnostics(resource.getWarnings(), start, old.getTotalEndOffset());
            linkAfter(rootNode, old, node);
            unlink(rootNode, old);
            renumber(node, start);
            new NodeModelBuilder().setCompleteContent(rootNode, newText);
            declarations.set(index, fresh);
            link(resource, fresh);
            return new Splice(resource, oldText, declarations, index, previous, fresh, node, replaced, old, errors, warnings);
        } catch (Throwable e) {
            throw new IllegalStateException("The declaration could not be replaced in the parsed file: " + e, e);
        }
    }

    /**
     * Takes the top-level declaration {@code declaration} out of {@code resource} whose text is {@code oldText},
     * when that is what {@code edit} does to the text (its lines, or just its tokens: either way the same text as
     * without the declaration's node). Answers the splice or null, as {@link #insert}.
     */
    static Splice remove(XtextResource resource, String oldText, EObject declaration, TextEdit edit) {
        if (!spliceable(resource)) {
            return null;
        }
        ICompositeNode rootNode = resource.getParseResult().getRootNode();
        INode node = NodeModelUtils.getNode(declaration);
        while (node != null && node.getParent() != rootNode) {
            node = node.getParent();
        }
        List<EObject> declarations = node instanceof CompositeNode c ? declarations(resource, c) : null;
        int index = declarations == null ? -1 : declarations.indexOf(declaration);
        if (index < 0 || !(node.getPreviousSibling() instanceof CompositeNode previous)
                || declarationOf((CompositeNode) node) != declaration || mayBeReferenced(declaration)) {
            return null;
        }
        int start = node.getTotalOffset();
        int end = node.getTotalEndOffset();
        String newText = oldText.substring(0, start) + oldText.substring(end);
        if (!newText.equals(TextEdit.apply(oldText, List.of(edit))) || !apart(newText, start)) {
            return null;
        }
        try {
            List<Resource.Diagnostic> errors = takeDiagnostics(resource.getErrors(), start, end);
            List<Resource.Diagnostic> warnings = takeDiagnostics(resource.getWarnings(), start, end);
            INode after = unlink(rootNode, (CompositeNode) node);
            if (after != null) {
                renumber(after, start);
            }
            new NodeModelBuilder().setCompleteContent(rootNode, newText);
            declarations.remove(index);
            return new Splice(resource, oldText, declarations, index, previous, null, null, declaration,
                    (CompositeNode) node, errors, warnings);
        } catch (Throwable e) {
            throw new IllegalStateException("The declaration could not be taken out of the parsed file: " + e, e);
        }
    }

    /**
     * Whether the characters on either side of {@code at} cannot belong to one token (one of them is a blank, or
     * the text ends there): a declaration parsed alone then ends where a parse of the whole text ends it.
     */
    private static boolean apart(String text, int at) {
        return at <= 0 || at >= text.length() || Character.isWhitespace(text.charAt(at - 1))
                || Character.isWhitespace(text.charAt(at));
    }

    private static boolean spliceable(XtextResource resource) {
        IParseResult parse = resource.getParseResult();
        return LINKS != null && resource.getLinker() instanceof SubtreeLinker && parse != null && !parse.hasSyntaxErrors()
                && parse.getRootASTElement() != null;
    }

    /** The root's list the declaration of {@code node} (a child of the root) belongs to, or null. */
    @SuppressWarnings("unchecked")
    private static List<EObject> declarations(XtextResource resource, CompositeNode node) {
        if (node == null || !(node.getGrammarElement() instanceof RuleCall call)) {
            return null;
        }
        EObject root = resource.getParseResult().getRootASTElement();
        Assignment assignment = GrammarUtil.containingAssignment(call);
        EStructuralFeature feature = assignment == null ? null : root.eClass().getEStructuralFeature(assignment.getFeature());
        return feature instanceof EReference list && list.isContainment() && list.isMany() ? (List<EObject>) root.eGet(list)
                : null;
    }

    /**
     * {@code text} parsed with the rule call of {@code like} (a declaration's node): its node when it is one whole
     * declaration of a kind no reference can point to, else null.
     */
    private static CompositeNode parseAlone(XtextResource resource, CompositeNode like, String text) {
        IParseResult part = resource.getParser().parse((RuleCall) like.getGrammarElement(), new StringReader(text),
                like.getLookAhead());
        EObject fresh = part.getRootASTElement();
        INode only = part.getRootNode() == null ? null : part.getRootNode().getFirstChild();
        if (part.hasSyntaxErrors() || fresh == null || !(only instanceof CompositeNode node) || node.hasNextSibling()
                || node.getTotalLength() != text.length() || declarationOf(node) != fresh || mayBeReferenced(fresh)) {
            return null;
        }
        return node;
    }

    /** Links the new declaration's own cross-references (proxies, resolved when asked for). */
    private static void link(XtextResource resource, EObject declaration) {
        ((SubtreeLinker) resource.getLinker()).linkSubtree(declaration, new ListBasedDiagnosticConsumer());
    }

    /** Takes out of {@code diagnostics} those between {@code start} and {@code end} (a declaration's failed links). */
    private static List<Resource.Diagnostic> takeDiagnostics(List<Resource.Diagnostic> diagnostics, int start, int end) {
        List<Resource.Diagnostic> taken = new ArrayList<>();
        diagnostics.removeIf(d -> {
            boolean within = d instanceof AbstractDiagnostic a && a.getOffset() >= start && a.getOffset() < end;
            if (within) {
                taken.add(d);
            }
            return within;
        });
        return taken;
    }

    private static void takeDiagnostics(XtextResource resource, int start, int end) {
        takeDiagnostics(resource.getErrors(), start, end);
        takeDiagnostics(resource.getWarnings(), start, end);
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

    /** Whether some cross-reference of the language may point to {@code object} or to an object in it. */
    static boolean mayBeReferenced(EObject object) {
        if (isReferenceTarget(object.eClass())) {
            return true;
        }
        for (Iterator<EObject> all = object.eAllContents(); all.hasNext();) {
            if (isReferenceTarget(all.next().eClass())) {
                return true;
            }
        }
        return false;
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

    /** Links {@code node} into {@code parent}'s children right after {@code previous}. */
    private static void linkAfter(ICompositeNode parent, CompositeNode previous, CompositeNode node) throws Throwable {
        AbstractNode after = (AbstractNode) previous.getNextSibling();
        // A parent's children form a ring: the last one's next sibling is the first.
        AbstractNode next = after != null ? after : (AbstractNode) parent.getFirstChild();
        LINKS.parent.invokeExact((AbstractNode) node, (CompositeNode) parent);
        LINKS.previous.invokeExact((AbstractNode) node, (AbstractNode) previous);
        LINKS.next.invokeExact((AbstractNode) node, next);
        LINKS.next.invokeExact((AbstractNode) previous, (AbstractNode) node);
        LINKS.previous.invokeExact(next, (AbstractNode) node);
    }

    /** Takes {@code node} (not the first) out of {@code parent}'s children; answers the child that followed it. */
    private static INode unlink(ICompositeNode parent, CompositeNode node) throws Throwable {
        AbstractNode previous = (AbstractNode) node.getPreviousSibling();
        INode after = node.getNextSibling();
        AbstractNode next = (AbstractNode) (after != null ? after : parent.getFirstChild());
        LINKS.next.invokeExact(previous, next);
        LINKS.previous.invokeExact(next, previous);
        return after;
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
