// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.orrery.studio.editor.core.LspDocument;

/** The per-editor pieces that live as long as one input is connected: annotations and the outline page. */
public final class EditorFeatures implements AutoCloseable {

    private final ITextEditor editor;
    private final LspDocument document;
    private final DiagnosticAnnotations annotations;
    private OrreryOutlinePage outline;

    public EditorFeatures(ITextEditor editor, LspDocument document, IAnnotationModel model, Display display) {
        this.editor = editor;
        this.document = document;
        this.annotations = model == null ? null : new DiagnosticAnnotations(document, model, display);
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
    }
}
