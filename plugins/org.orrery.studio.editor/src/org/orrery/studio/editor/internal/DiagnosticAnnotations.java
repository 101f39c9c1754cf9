// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.swt.widgets.Display;
import org.orrery.studio.editor.core.DiagnosticMark;
import org.orrery.studio.editor.core.LspDocument;

/**
 * Shows the server's diagnostics as editor annotations while typing. These are not problem markers: the
 * project builder owns markers (saved state); annotations follow the unsaved text.
 */
final class DiagnosticAnnotations implements AutoCloseable {

    /** An annotation that came from the language server, carrying the rule code it reports. */
    static final class RuleAnnotation extends Annotation {
        private final String code;
        private final Diagnostic diagnostic;

        RuleAnnotation(DiagnosticMark mark, Diagnostic diagnostic) {
            super(mark.annotationType(), false, mark.text());
            this.code = mark.code();
            this.diagnostic = diagnostic;
        }

        String code() {
            return code;
        }

        /** The server's diagnostic, sent back as is when asking for quick fixes. */
        Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    private final LspDocument document;
    private final IAnnotationModel model;
    private final Display display;
    private final Runnable unsubscribe;
    private volatile boolean closed;

    DiagnosticAnnotations(LspDocument document, IAnnotationModel model, Display display) {
        this.document = document;
        this.model = model;
        this.display = display;
        this.unsubscribe = document.service().onDiagnostics(document.uri(), this::publish);
    }

    private void publish(List<Diagnostic> diagnostics) {
        // Published on a server thread; the document and the painters belong to the UI thread.
        if (!closed && !display.isDisposed()) {
            display.asyncExec(() -> apply(diagnostics));
        }
    }

    private void apply(List<Diagnostic> diagnostics) {
        if (closed) {
            return;
        }
        IDocument doc = document.document();
        Map<Annotation, Position> added = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            DiagnosticMark mark = DiagnosticMark.of(doc, d);
            added.put(new RuleAnnotation(mark, d), new Position(mark.offset(), mark.length()));
        }
        Annotation[] removed = ours().toArray(Annotation[]::new);
        if (model instanceof IAnnotationModelExtension ext) {
            ext.replaceAnnotations(removed, added);
        } else {
            for (Annotation a : removed) {
                model.removeAnnotation(a);
            }
            added.forEach(model::addAnnotation);
        }
    }

    private List<Annotation> ours() {
        List<Annotation> list = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation a = it.next();
            if (a instanceof RuleAnnotation) {
                list.add(a);
            }
        }
        return list;
    }

    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
    }
}
