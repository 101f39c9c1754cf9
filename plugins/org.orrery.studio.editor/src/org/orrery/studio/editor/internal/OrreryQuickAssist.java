// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.LspRequests;
import org.orrery.studio.editor.core.TextEdits;

/**
 * Ctrl+1 on a rule's annotation: the server's quick fixes (LSP code actions) for the diagnostics under the
 * caret, each applied as one undoable change. The fixed text is re-validated like any edit, so the
 * annotation goes away by itself when the rule is satisfied.
 */
final class OrreryQuickAssist implements IQuickAssistProcessor {

    private final Supplier<LspDocument> document;
    private final Supplier<IAnnotationModel> annotations;

    OrreryQuickAssist(Supplier<LspDocument> document, Supplier<IAnnotationModel> annotations) {
        this.document = document;
        this.annotations = annotations;
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        LspDocument doc = document.get();
        IAnnotationModel model = annotations.get();
        if (doc == null || model == null) {
            return new ICompletionProposal[0];
        }
        List<Diagnostic> here = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation a = it.next();
            Position p = model.getPosition(a);
            if (a instanceof DiagnosticAnnotations.RuleAnnotation rule && p != null
                    && p.getOffset() <= context.getOffset() && context.getOffset() <= p.getOffset() + p.getLength()) {
                here.add(rule.diagnostic());
            }
        }
        return new LspRequests(doc).quickFixes(here).stream()
                .map(action -> new Fix(doc.document(), doc.uri(), action)).toArray(ICompletionProposal[]::new);
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof DiagnosticAnnotations.RuleAnnotation;
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
        return false;
    }

    /** One code action as a proposal; only this document's edits apply (the schedule fixes are local). */
    private record Fix(IDocument target, String uri, CodeAction action) implements ICompletionProposal {
        @Override
        public void apply(IDocument document) {
            TextEdits.apply(action.getEdit(), u -> u.equals(uri) ? target : null);
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return action.getTitle();
        }

        @Override
        public String getDisplayString() {
            return action.getTitle();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }
}
