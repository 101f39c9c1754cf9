// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.orrery.studio.editor.core.CompletionMapping;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.Positions;

/**
 * Content assist from the server's completion: keywords, and names in scope where a reference goes. A keyword's
 * proposal shows what it means (the server's documentation, the texts of docs/language.md) beside the list.
 */
final class LspContentAssistProcessor implements IContentAssistProcessor {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<LspDocument> document;
    private String error;

    LspContentAssistProcessor(Supplier<LspDocument> document) {
        this.document = document;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        LspDocument doc = document.get();
        if (doc == null) {
            error = "The Orrery language server is not connected to this editor.";
            return new ICompletionProposal[0];
        }
        IDocument text = viewer.getDocument();
        CompletionParams params = new CompletionParams(doc.id(), Positions.toPosition(text, offset));
        Either<List<CompletionItem>, CompletionList> result;
        try {
            result = doc.service().server().getTextDocumentService().completion(params)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ICompletionProposal[0];
        } catch (ExecutionException | TimeoutException e) {
            // Shown in the proposal popup's status line instead of an empty list without a reason.
            error = "No proposals: " + (e instanceof TimeoutException ? "the language server did not answer in time"
                    : String.valueOf(e.getCause()));
            return new ICompletionProposal[0];
        }
        error = null;
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        return items.stream().map(item -> proposal(text, offset, item)).toArray(ICompletionProposal[]::new);
    }

    private static ICompletionProposal proposal(IDocument text, int offset, CompletionItem item) {
        CompletionMapping.Replacement r = CompletionMapping.of(text, offset, item);
        String display = r.detail().isEmpty() || r.detail().equals(r.label()) ? r.label()
                : r.label() + " - " + r.detail();
        return new CompletionProposal(r.text(), r.offset(), r.length(), r.text().length(), null, display, null,
                CompletionMapping.documentation(item));
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return error;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
