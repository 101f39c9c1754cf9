// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * A resource written out as text, to compare two parses of one text: every object with its attributes and where its
 * references point (a target's position in its resource, or a proxy's URI fragment), and every node of the node
 * model with its offsets, grammar element, semantic element and syntax error. Identities of the resource and its
 * root say whether a later dump came from the same objects.
 */
record ModelDump(String text, String model, String nodes, int resource, int root) {

    static ModelDump of(XtextResource r) {
        StringBuilder model = new StringBuilder();
        for (TreeIterator<EObject> all = r.getAllContents(); all.hasNext();) {
            EObject o = all.next();
            model.append(r.getURIFragment(o)).append(' ').append(o.eClass().getName());
            for (EAttribute a : o.eClass().getEAllAttributes()) {
                if (o.eIsSet(a)) {
                    model.append(' ').append(a.getName()).append('=').append(o.eGet(a));
                }
            }
            for (EReference ref : o.eClass().getEAllReferences()) {
                if (!ref.isContainment() && !ref.isContainer() && o.eIsSet(ref)) {
                    model.append(' ').append(ref.getName()).append("->").append(target(r, o.eGet(ref, true)));
                }
            }
            model.append('\n');
        }
        StringBuilder nodes = new StringBuilder();
        ICompositeNode rootNode = r.getParseResult().getRootNode();
        for (INode n : rootNode.getAsTreeIterable()) {
            nodes.append(n instanceof ILeafNode leaf ? (leaf.isHidden() ? "hidden " : "leaf ") : "composite ")
                    .append(n.getTotalOffset()).append('+').append(n.getTotalLength()).append(' ')
                    .append(grammar(n.getGrammarElement())).append(' ')
                    .append(n.hasDirectSemanticElement() ? r.getURIFragment(n.getSemanticElement()) : "-");
            if (n.getSyntaxErrorMessage() != null) {
                nodes.append(" error ").append(n.getSyntaxErrorMessage().getMessage());
            }
            nodes.append('\n');
        }
        EObject root = r.getContents().isEmpty() ? null : r.getContents().get(0);
        return new ModelDump(rootNode.getText(), model.toString(), nodes.toString(), System.identityHashCode(r),
                System.identityHashCode(root));
    }

    private static String target(XtextResource owner, Object value) {
        if (value instanceof Iterable<?> many) {
            StringBuilder s = new StringBuilder("[");
            for (Object v : many) {
                s.append(target(owner, v)).append(',');
            }
            return s.append(']').toString();
        }
        if (value instanceof EObject o) {
            return o.eIsProxy() ? "proxy " + link(owner, ((InternalEObject) o).eProxyURI().fragment())
                    : o.eResource() == null ? "detached " + o.eClass().getName()
                            : o.eResource().getURIFragment(o);
        }
        return String.valueOf(value);
    }

    /**
     * An unresolved link by the text it was written with: Xtext names its proxies by their position in the
     * resource's table of pending links, which differs between a model linked whole and one whose unchanged part
     * kept its pending links from before an update.
     */
    private static String link(XtextResource owner, String fragment) {
        if (owner instanceof LazyLinkingResource lazy && lazy.getEncoder().isCrossLinkFragment(lazy, fragment)) {
            return "to '" + NodeModelUtils.getTokenText(lazy.getEncoder().decode(lazy, fragment).getThird()) + "'";
        }
        return fragment;
    }

    private static String grammar(EObject element) {
        if (element == null) {
            return "null";
        }
        return GrammarUtil.getGrammar(element).getName() + "#" + EcoreUtil.getURI(element).fragment();
    }
}
