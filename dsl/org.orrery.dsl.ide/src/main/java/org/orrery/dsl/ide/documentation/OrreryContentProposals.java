// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.documentation;

import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.orrery.dsl.documentation.KeywordDocumentation;

/**
 * Keyword proposals carry what the keyword means, from {@link KeywordDocumentation}: its first sentence as the
 * proposal's detail, the whole text as its documentation. The hover and {@code docs/language.md} say the same.
 */
public class OrreryContentProposals extends IdeContentProposalProvider {

    @Override
    protected void _createProposals(Keyword keyword, ContentAssistContext context,
            IIdeContentProposalAcceptor acceptor) {
        if (!filterKeyword(keyword, context)) {
            return;
        }
        String text = KeywordDocumentation.of(keyword);
        ContentAssistEntry entry = getProposalCreator().createProposal(keyword.getValue(), context,
                ContentAssistEntry.KIND_KEYWORD, e -> {
                    if (text != null) {
                        e.setDescription(KeywordDocumentation.summary(text));
                        e.setDocumentation(text);
                    }
                });
        if (entry != null) {
            acceptor.accept(entry, getProposalPriorities().getKeywordPriority(keyword.getValue(), entry));
        }
    }
}
