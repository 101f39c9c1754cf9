// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.orrery.dsl.ide.highlighting.SemanticTokens;
import org.orrery.dsl.ide.highlighting.SemanticTokens.Token;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;

/**
 * Semantic highlighting: after each analysis the server publishes diagnostics; then the editor asks what every
 * name means and colours partition, port and plan references distinctly, and declarations bold, on top of the
 * lexical colours. While typing, the tokens move with the text until the next analysis replaces them.
 */
final class SemanticHighlighter implements ITextPresentationListener, IDocumentListener, AutoCloseable {

    static final Color PARTITION = new Color(0, 128, 128);
    static final Color PORT = new Color(160, 82, 45);
    static final Color PLAN = new Color(0, 100, 0);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LspDocument document;
    private final ISourceViewer viewer;
    private final Display display;
    private final Runnable unsubscribe;
    private volatile List<Token> tokens = List.of();
    private volatile boolean closed;

    SemanticHighlighter(LspDocument document, ISourceViewer viewer, Display display) {
        this.document = document;
        this.viewer = viewer;
        this.display = display;
        ((ITextViewerExtension4) viewer).addTextPresentationListener(this);
        document.document().addDocumentListener(this);
        this.unsubscribe = document.service().onDiagnostics(document.uri(), d -> refresh());
    }

    // On a server thread, right after a publication: ask, then apply on the UI thread if the text is unchanged.
    private void refresh() {
        int version = document.version();
        document.service().semanticTokens(document.uri()).thenAccept(found -> {
            if (!closed && !display.isDisposed()) {
                display.asyncExec(() -> apply(found, version));
            }
        }).orTimeout(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    private void apply(List<Token> found, int version) {
        if (closed || version != document.version() || viewer.getTextWidget() == null
                || viewer.getTextWidget().isDisposed()) {
            return;
        }
        tokens = List.copyOf(found);
        viewer.invalidateTextPresentation();
    }

    /** The tokens now shown (for tests and tools). */
    List<Token> tokens() {
        return tokens;
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        IRegion extent = presentation.getExtent();
        int from = extent.getOffset();
        int to = from + extent.getLength();
        for (Token t : tokens) {
            if (t.offset() + t.length() > from && t.offset() < to) {
                // Clipped to the repainted extent: a repair may start or end in the middle of a name.
                int start = Math.max(t.offset(), from);
                StyleRange style = style(new Token(start, Math.min(t.offset() + t.length(), to) - start, t.kind()));
                if (style != null) {
                    presentation.mergeStyleRange(style);
                }
            }
        }
    }

    private static StyleRange style(Token t) {
        return switch (t.kind()) {
            case PARTITION -> new StyleRange(t.offset(), t.length(), PARTITION, null, SWT.BOLD);
            case PORT -> new StyleRange(t.offset(), t.length(), PORT, null);
            case PLAN, VM -> new StyleRange(t.offset(), t.length(), PLAN, null);
            case DECLARATION -> new StyleRange(t.offset(), t.length(), null, null, SWT.BOLD);
            case OTHER_REFERENCE -> null;
        };
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
    }

    // Keep the colours on their words while the next analysis runs: shift what follows, drop what was edited.
    @Override
    public void documentChanged(DocumentEvent event) {
        int start = event.getOffset();
        int end = start + event.getLength();
        int delta = (event.getText() == null ? 0 : event.getText().length()) - event.getLength();
        List<Token> moved = new ArrayList<>();
        for (Token t : tokens) {
            if (t.offset() + t.length() <= start) {
                moved.add(t);
            } else if (t.offset() >= end) {
                moved.add(new Token(t.offset() + delta, t.length(), t.kind()));
            }
        }
        tokens = moved;
    }

    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
        document.document().removeDocumentListener(this);
        if (viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
            ((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
        }
    }
}
