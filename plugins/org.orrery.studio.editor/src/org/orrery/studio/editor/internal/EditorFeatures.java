// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.List;

import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.orrery.dsl.ide.highlighting.SemanticTokens;
import org.orrery.studio.editor.core.LspDocument;

/** The per-editor pieces that live as long as one input is connected: annotations and the outline page. */
public final class EditorFeatures implements AutoCloseable {

    private final ITextEditor editor;
    private final LspDocument document;
    private final DiagnosticAnnotations annotations;
    private SemanticHighlighter highlighter;
    private OrreryOutlinePage outline;

    public EditorFeatures(ITextEditor editor, LspDocument document, IAnnotationModel model, Display display) {
        this.editor = editor;
        this.document = document;
        this.annotations = model == null ? null : new DiagnosticAnnotations(document, model, display);
    }

    /** Starts semantic highlighting once the viewer exists (an editor gets its input before its controls). */
    public void highlight(ISourceViewer viewer, Display display) {
        if (highlighter == null && viewer != null) {
            highlighter = new SemanticHighlighter(document, viewer, display);
        }
    }

    /** The semantic tokens the editor shows now. */
    public List<SemanticTokens.Token> semanticTokens() {
        return highlighter == null ? List.of() : highlighter.tokens();
    }

    public IContentOutlinePage outline() {
        if (outline == null || outline.getControl() != null && outline.getControl().isDisposed()) {
            outline = new OrreryOutlinePage(editor, () -> document);
        }
        return outline;
    }

    @Override
    public void close() {
        if (annotations != null) {
            annotations.close();
        }
        if (highlighter != null) {
            highlighter.close();
        }
    }
}
