// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.antlr.AbstractAntlrParser;
import org.eclipse.xtext.parser.antlr.IPartialParsingHelper;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.ReplaceRegion;
import org.orrery.dsl.linking.SubtreeLinker;



/**
 * Brings a parsed resource in step with one replacement of its text by re-parsing only the grammar rule
 * around it (Xtext's partial parser). {@link XtextResource#update} does the same re-parse but then re-links
 * the whole file, which turns every one of a large system's references back into a proxy that validation
 * must resolve again (a second on 1,000 partitions); here nothing outside the re-parsed rule is touched: its
 * cross-references, if any, are linked alone ({@link SubtreeLinker}), which is sound only when no reference can
 * point into it (a core's windows may be re-parsed so, a partition may not). When that does not hold, or the
 * partial parser had to parse the whole text, or the result has syntax errors, the caller parses the whole text
 * instead, so a session never holds a state a full parse would not give.
 * <p>
 * The regions given here are whole tokens replaced by whole tokens. Xtext's partial parser does not know that
 * and first re-lexes the text from its beginning up to the edit to widen the region to token borders: two
 * thirds of a re-parse near the end of a 1.7 MB file. It therefore runs here with a token-region provider that
 * takes the region as given ({@link AlignedTokenRegions}).
 */
final class PartialReparse {

    private static IPartialParsingHelper helper;

    private PartialReparse() {
    }

    /** Token borders as given: callers replace whole tokens. */
    static final class AlignedTokenRegions extends TokenRegionProvider {

        @Override
        public ITextRegion getTokenRegion(String text, ITextRegion region) {
            return region;
        }

        @Override
        public ReplaceRegion getTokenReplaceRegion(String text, ReplaceRegion region) {
            return region;
        }
    }

    /**
     * The language's partial parser with {@link AlignedTokenRegions} in place of its token-region provider. Guice
     * cannot rebind that provider under the language's injector (it already holds a just-in-time binding), and
     * the parser keeps it in a private field; should a later Xtext rename the field, the stock partial parser
     * is used, correct and only slower.
     */
    private static synchronized IPartialParsingHelper helper(XtextResource resource) {
        if (helper == null) {
            PartialParsingHelper aligned = Language.injector().getInstance(PartialParsingHelper.class);
            try {
                Field field = PartialParsingHelper.class.getDeclaredField("tokenRegionProvider");
                field.setAccessible(true);
                field.set(aligned, new AlignedTokenRegions());
                helper = aligned;
            } catch (ReflectiveOperationException | RuntimeException e) {
                helper = ((AbstractAntlrParser) resource.getParser()).getPartialParser();
            }
        }
        return helper;
    }

    /**
     * Replaces {@code length} characters at {@code offset} by {@code replacement} in {@code resource}'s text and
     * model. Answers false when the resource could not be brought in step that way; it must then be discarded
     * (it may have been changed half-way).
     */
    static boolean apply(XtextResource resource, int offset, int length, String replacement) {
        IParseResult old = resource.getParseResult();
        if (old == null || old.getRootASTElement() == null || old.hasSyntaxErrors()) {
            return false;
        }
        EObject root = old.getRootASTElement();
        List<EObject> before = objectsAt(old.getRootNode(), offset);
        // Where the resource's failed links are now: those of the re-parsed rule go with it.
        Map<Resource.Diagnostic, Integer> linkErrors = new IdentityHashMap<>();
        for (List<Resource.Diagnostic> list : List.of(resource.getErrors(), resource.getWarnings())) {
            list.forEach(d -> linkErrors.put(d, d instanceof AbstractDiagnostic a ? a.getOffset() : -1));
        }
        IParseResult now = helper(resource).reparse(resource.getParser(), old, new ReplaceRegion(offset, length, replacement));
        if (now.getRootASTElement() != root || now.hasSyntaxErrors()) {
            return false;
        }
        resource.setParseResult(now);
        EObject fresh = firstNewObject(before, objectsAt(now.getRootNode(), offset));
        ICompositeNode node = fresh == null ? null : NodeModelUtils.getNode(fresh);
        if (node == null) {
            return false;
        }
        if (!hasCrossReference(node)) {
            return true;
        }
        // References in the re-parsed rule are linked alone, when nothing can refer to what it holds (a reference to
        // an object it replaced would be left pointing to the old one).
        if (!(resource.getLinker() instanceof SubtreeLinker linker) || ElementSplice.mayBeReferenced(fresh)) {
            return false;
        }
        int start = node.getTotalOffset();
        int oldEnd = node.getTotalEndOffset() - (replacement.length() - length);
        linkErrors.forEach((d, at) -> {
            if (at >= start && at < oldEnd) {
                resource.getErrors().remove(d);
                resource.getWarnings().remove(d);
            }
        });
        linker.linkSubtree(fresh, new ListBasedDiagnosticConsumer());
        return true;
    }

    // The semantic objects around an offset, from the root down.
    private static List<EObject> objectsAt(ICompositeNode root, int offset) {
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        List<EObject> chain = new ArrayList<>();
        for (EObject o = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf); o != null; o = o
                .eContainer()) {
            chain.add(0, o);
        }
        return chain;
    }

    // The outermost object the re-parse created: where the old and the new chain part.
    private static EObject firstNewObject(List<EObject> before, List<EObject> after) {
        for (int i = 0; i < after.size(); i++) {
            if (i >= before.size() || before.get(i) != after.get(i)) {
                return after.get(i);
            }
        }
        return null;
    }

    private static boolean hasCrossReference(INode node) {
        if (node == null) {
            return true;
        }
        for (INode n : node.getAsTreeIterable()) {
            if (n.getGrammarElement() instanceof CrossReference) {
                return true;
            }
        }
        return false;
    }
}
