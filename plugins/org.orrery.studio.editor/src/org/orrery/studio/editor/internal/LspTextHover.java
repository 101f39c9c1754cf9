// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Positions;

/**
 * Hover text from the server: a declaration's documentation, units and computed values such as a process's
 * worst-case response time. JFace calls this off the UI thread, so waiting for the server is fine here.
 */
final class LspTextHover implements ITextHover {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Supplier<LspDocument> document;

    LspTextHover(Supplier<LspDocument> document) {
        this.document = document;
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        LspDocument doc = document.get();
        if (doc == null) {
            return null;
        }
        HoverParams params = new HoverParams(doc.id(), Positions.toPosition(viewer.getDocument(), region.getOffset()));
        Hover hover = OrreryLanguageService.await(doc.service().server().getTextDocumentService().hover(params),
                TIMEOUT);
        if (hover == null || hover.getContents() == null) {
            return null;
        }
        String text = hover.getContents().isRight() ? hover.getContents().getRight().getValue()
                : hover.getContents().getLeft().stream().map(LspTextHover::text).reduce((a, b) -> a + "\n" + b)
                        .orElse("");
        return text.isBlank() ? null : text.strip();
    }

    private static String text(Either<String, MarkedString> part) {
        return part.isLeft() ? part.getLeft() : part.getRight().getValue();
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }
}
