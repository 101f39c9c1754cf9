// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Keeps the server's copy of one document equal to a JFace document: the whole text on open, then each edit
 * as an incremental change, so a keystroke in a large system sends a few bytes, not the file.
 */
public final class LspDocument implements IDocumentListener, AutoCloseable {

    private final OrreryLanguageService service;
    private final String uri;
    private final IDocument document;
    private int version;
    // The range an edit replaces must be computed against the text before the edit.
    private Range pending;

    public LspDocument(OrreryLanguageService service, String uri, IDocument document) {
        this.service = service;
        this.uri = uri;
        this.document = document;
    }

    public LspDocument open() {
        version = 1;
        service.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, InProcessServer.EXTENSION, version, document.get())));
        document.addDocumentListener(this);
        return this;
    }

    /** The version last sent to the server; answers computed at this version still fit the text. */
    public int version() {
        return version;
    }

    public String uri() {
        return uri;
    }

    public IDocument document() {
        return document;
    }

    public OrreryLanguageService service() {
        return service;
    }

    public TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(uri);
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
        pending = Positions.toRange(document, event.getOffset(), event.getLength());
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        String text = event.getText() == null ? "" : event.getText();
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(pending, text);
        version++;
        service.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
    }

    @Override
    public void close() {
        document.removeDocumentListener(this);
        service.server().getTextDocumentService().didClose(new DidCloseTextDocumentParams(id()));
    }
}
