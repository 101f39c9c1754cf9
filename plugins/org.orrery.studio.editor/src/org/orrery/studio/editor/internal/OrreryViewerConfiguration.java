// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.orrery.studio.editor.core.LspDocument;

/** Wires the Orrery language features into a JFace source viewer; each feature is its own small class. */
public final class OrreryViewerConfiguration extends TextSourceViewerConfiguration {

    private final Supplier<LspDocument> document;
    private final Supplier<IAnnotationModel> annotations;

    public OrreryViewerConfiguration(IPreferenceStore store, Supplier<LspDocument> document,
            Supplier<IAnnotationModel> annotations) {
        super(store);
        this.document = document;
        this.annotations = annotations;
    }

    @Override
    public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer viewer) {
        QuickAssistAssistant assistant = new QuickAssistAssistant();
        assistant.setQuickAssistProcessor(new OrreryQuickAssist(document, annotations));
        assistant.setInformationControlCreator(getInformationControlCreator(viewer));
        return assistant;
    }

    @Override
    public String getConfiguredDocumentPartitioning(ISourceViewer viewer) {
        return OrreryPartitions.PARTITIONING;
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer viewer) {
        return OrreryPartitions.TYPES.clone();
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer viewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(OrreryPartitions.PARTITIONING);
        add(reconciler, IDocument.DEFAULT_CONTENT_TYPE, new OrreryCodeScanner());
        add(reconciler, OrreryPartitions.COMMENT, whole(OrreryCodeScanner.COMMENT, SWT.ITALIC));
        add(reconciler, OrreryPartitions.STRING, whole(OrreryCodeScanner.STRING, SWT.NORMAL));
        return reconciler;
    }

    private static void add(PresentationReconciler reconciler, String type, ITokenScanner scanner) {
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner);
        reconciler.setDamager(dr, type);
        reconciler.setRepairer(dr, type);
    }

    // A partition coloured as a whole (comments, strings).
    private static ITokenScanner whole(Color color, int style) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(new TextAttribute(color, null, style)));
        return scanner;
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer viewer) {
        ContentAssistant assistant = new ContentAssistant();
        assistant.setDocumentPartitioning(OrreryPartitions.PARTITIONING);
        assistant.setContentAssistProcessor(new LspContentAssistProcessor(document), IDocument.DEFAULT_CONTENT_TYPE);
        assistant.setInformationControlCreator(getInformationControlCreator(viewer));
        return assistant;
    }

    @Override
    public ITextHover getTextHover(ISourceViewer viewer, String contentType) {
        return IDocument.DEFAULT_CONTENT_TYPE.equals(contentType) ? new LspTextHover(document)
                : super.getTextHover(viewer, contentType);
    }

    @Override
    public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer viewer) {
        List<IHyperlinkDetector> detectors = new ArrayList<>();
        detectors.add(new LspHyperlinkDetector(document));
        IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(viewer);
        if (inherited != null) {
            detectors.addAll(Arrays.asList(inherited));
        }
        return detectors.toArray(IHyperlinkDetector[]::new);
    }
}
