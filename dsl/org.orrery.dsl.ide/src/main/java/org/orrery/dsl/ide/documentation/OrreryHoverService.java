// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.documentation;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.orrery.dsl.documentation.KeywordDocumentation;

/**
 * Hover over a keyword or an enumerated value shows what it means, with its unit and default, from
 * {@link KeywordDocumentation} (the texts {@code docs/language.md} repeats); hover anywhere else is Xtext's: the
 * declaration's documentation, with computed values for processes ({@code OrreryDocumentation}).
 */
public class OrreryHoverService extends HoverService {

    @Override
    public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
        Hover keyword = keywordHover(document, resource, document.getOffSet(params.getPosition()));
        return keyword != null ? keyword : super.hover(document, resource, params, cancelIndicator);
    }

    /** The hover of the keyword at {@code offset}, or null if there is no documented keyword there. */
    static Hover keywordHover(Document document, XtextResource resource, int offset) {
        if (resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
            return null;
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf == null || leaf.isHidden()) {
            return null;
        }
        String text = KeywordDocumentation.ofGrammarElement(leaf.getGrammarElement());
        if (text == null) {
            return null;
        }
        Range range = new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset()));
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), range);
    }
}
