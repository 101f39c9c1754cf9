// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.time.Duration;
import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The editing requests of one document (format, rename, references, quick fixes) as plain calls that answer
 * LSP values, so that the editor's actions, the benchmarks and tests share one path to the server. Each waits a
 * bounded time: these run on a user's keystroke and an empty answer beats a frozen workbench.
 */
public final class LspRequests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LspDocument document;

    public LspRequests(LspDocument document) {
        this.document = document;
    }

    private TextDocumentService text() {
        return document.service().server().getTextDocumentService();
    }

    /** The edits that give the whole document its canonical layout (empty when it does not parse). */
    public List<TextEdit> format() {
        DocumentFormattingParams params = new DocumentFormattingParams(document.id(), new FormattingOptions(4, true));
        List<? extends TextEdit> edits = OrreryLanguageService.await(text().formatting(params), TIMEOUT);
        return edits == null ? List.of() : List.copyOf(edits);
    }

    /** Every place that names the element at {@code offset}, its declaration included. */
    public List<Location> references(int offset) {
        ReferenceParams params = new ReferenceParams(document.id(),
                Positions.toPosition(document.document(), offset), new ReferenceContext(true));
        List<? extends Location> found = OrreryLanguageService.await(text().references(params), TIMEOUT);
        return found == null ? List.of() : List.copyOf(found);
    }

    /** The edits renaming the element at {@code offset} and all its references; {@code null} when refused. */
    public WorkspaceEdit rename(int offset, String newName) {
        RenameParams params = new RenameParams(document.id(), Positions.toPosition(document.document(), offset),
                newName);
        return OrreryLanguageService.await(text().rename(params), TIMEOUT);
    }

    /** The quick fixes the server offers for {@code diagnostics} of this document. */
    public List<CodeAction> quickFixes(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return List.of();
        }
        CodeActionParams params = new CodeActionParams(document.id(), diagnostics.get(0).getRange(),
                new CodeActionContext(diagnostics));
        List<Either<Command, CodeAction>> actions = OrreryLanguageService.await(text().codeAction(params), TIMEOUT);
        return actions == null ? List.of()
                : actions.stream().filter(Either::isRight).map(Either::getRight).filter(a -> a.getEdit() != null)
                        .toList();
    }
}
