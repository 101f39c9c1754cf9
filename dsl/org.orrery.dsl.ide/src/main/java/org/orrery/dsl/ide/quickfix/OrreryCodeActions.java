// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

/** LSP code actions: the {@link ScheduleFixes} for each diagnostic the client asks about, as quick fixes. */
public class OrreryCodeActions implements ICodeActionService2 {

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        if (options.getResource() != null && options.getDocument() != null) {
            return actions(options.getResource(), options.getDocument(), options);
        }
        // The language server (2.42) hands over only the URI: read the document and its resource through it.
        if (options.getLanguageServerAccess() == null) {
            return List.of();
        }
        return options.getLanguageServerAccess().doSyncRead(options.getURI(),
                context -> actions(context.getResource(), context.getDocument(), options));
    }

    private List<Either<Command, CodeAction>> actions(Resource resource, Document document, Options options) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        if (!(resource instanceof XtextResource xtext) || document == null) {
            return actions;
        }
        for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
            String code = diagnostic.getCode() == null || !diagnostic.getCode().isLeft() ? null
                    : diagnostic.getCode().getLeft();
            if (!ScheduleFixes.handles(code)) {
                continue;
            }
            int offset = document.getOffSet(diagnostic.getRange().getStart());
            for (ScheduleFixes.Fix fix : ScheduleFixes.fixes(xtext, code, offset)) {
                List<TextEdit> edits = fix.edits().stream().map(e -> new TextEdit(new Range(
                        document.getPosition(e.offset()), document.getPosition(e.offset() + e.length())), e.text()))
                        .toList();
                CodeAction action = new CodeAction(fix.label());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(diagnostic));
                action.setEdit(new WorkspaceEdit(Map.of(options.getURI(), edits)));
                actions.add(Either.forRight(action));
            }
        }
        return actions;
    }
}
