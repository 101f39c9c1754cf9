// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Positions;

/** Ctrl+click / F3 on a reference (a window's partition, a channel's port) jumps to its declaration. */
final class LspHyperlinkDetector implements IHyperlinkDetector {

    // Runs on the UI thread while the mouse moves with Ctrl held: answer fast or not at all.
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final Supplier<LspDocument> document;

    LspHyperlinkDetector(Supplier<LspDocument> document) {
        this.document = document;
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
        LspDocument doc = document.get();
        if (doc == null) {
            return null;
        }
        IDocument text = viewer.getDocument();
        DefinitionParams params = new DefinitionParams(doc.id(), Positions.toPosition(text, region.getOffset()));
        Either<List<? extends Location>, List<? extends LocationLink>> result = OrreryLanguageService.await(
                doc.service().server().getTextDocumentService().definition(params), TIMEOUT);
        if (result == null) {
            return null;
        }
        List<IHyperlink> links = new ArrayList<>();
        IRegion word = wordAt(text, region.getOffset());
        if (result.isLeft()) {
            result.getLeft().forEach(l -> links.add(new Link(word, l.getUri(), l.getRange())));
        } else {
            result.getRight().forEach(l -> links.add(new Link(word, l.getTargetUri(), l.getTargetSelectionRange())));
        }
        if (links.isEmpty()) {
            return null;
        }
        return canShowMultiple ? links.toArray(IHyperlink[]::new) : new IHyperlink[] {links.get(0)};
    }

    private static IRegion wordAt(IDocument text, int offset) {
        OrreryCodeScanner.Words words = new OrreryCodeScanner.Words();
        int start = offset;
        int end = offset;
        try {
            while (start > 0 && words.isWordPart(text.getChar(start - 1))) {
                start--;
            }
            while (end < text.getLength() && words.isWordPart(text.getChar(end))) {
                end++;
            }
        } catch (org.eclipse.jface.text.BadLocationException e) {
            return new Region(offset, 0);
        }
        return new Region(start, end - start);
    }

    private record Link(IRegion getHyperlinkRegion, String uri, Range range) implements IHyperlink {
        @Override
        public String getTypeLabel() {
            return "Declaration";
        }

        @Override
        public String getHyperlinkText() {
            return "Open Declaration";
        }

        @Override
        public void open() {
            Locations.open(uri, range);
        }
    }
}
