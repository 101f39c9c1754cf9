// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.orrery.dsl.ide.quickfix.ScheduleFixes;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.LspRequests;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Positions;
import org.orrery.studio.editor.core.Uris;

/**
 * Quick fixes on the project builder's problem markers (Problems view, Ctrl+1 on a marker): the same LSP code
 * actions as in the editor. The file's current text is opened in the language server for the question, so
 * the fix is computed on what is on disk (or in an open editor's buffer), never on a stale copy.
 */
public final class OrreryMarkerResolutions implements IMarkerResolutionGenerator2 {

    /** The STUDIO core's marker attribute carrying the rule code (kept as a string: no dependency on core). */
    static final String RULE_CODE = "org.orrery.studio.core.ruleCode";

    @Override
    public boolean hasResolutions(IMarker marker) {
        return ScheduleFixes.handles(marker.getAttribute(RULE_CODE, "")) && marker.getResource() instanceof IFile
                && marker.getAttribute(IMarker.CHAR_START, -1) >= 0;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!hasResolutions(marker)) {
            return new IMarkerResolution[0];
        }
        IFile file = (IFile) marker.getResource();
        try {
            // Open in an editor: the editor keeps the server's copy in sync already. Otherwise the disk's text is
            // opened in the server just for this question.
            ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
                    LocationKind.IFILE);
            IDocument text = buffer != null ? buffer.getDocument()
                    : new Document(new String(file.getContents().readAllBytes(), file.getCharset()));
            int start = marker.getAttribute(IMarker.CHAR_START, 0);
            int end = Math.max(start, marker.getAttribute(IMarker.CHAR_END, start));
            Diagnostic diagnostic = new Diagnostic(Positions.toRange(text, start, end - start),
                    marker.getAttribute(IMarker.MESSAGE, ""));
            diagnostic.setCode(marker.getAttribute(RULE_CODE, ""));
            XtextLogBridge.install();
            OrreryLanguageService service = OrreryLanguageService.shared(
                    ResourcesPlugin.getWorkspace().getRoot().getLocationURI());
            LspDocument doc = new LspDocument(service, Uris.of(java.nio.file.Path.of(file.getLocationURI())), text);
            List<CodeAction> actions;
            if (buffer != null) {
                actions = new LspRequests(doc).quickFixes(List.of(diagnostic));
            } else {
                try (LspDocument opened = doc.open()) {
                    actions = new LspRequests(opened).quickFixes(List.of(diagnostic));
                }
            }
            return actions.stream().map(Resolution::new).toArray(IMarkerResolution[]::new);
        } catch (CoreException | java.io.IOException e) {
            ILog.of(getClass()).log(Status.warning("No quick fixes for " + file.getFullPath() + ": " + e.getMessage()));
            return new IMarkerResolution[0];
        }
    }

    /** Applies the action's edits to the file (its editor's buffer when open, else saved to disk). */
    private record Resolution(CodeAction action) implements IMarkerResolution {
        @Override
        public String getLabel() {
            return action.getTitle();
        }

        @Override
        public void run(IMarker marker) {
            try {
                WorkspaceDocuments.apply(action.getEdit());
            } catch (CoreException e) {
                ILog.of(getClass()).log(e.getStatus());
            }
        }
    }
}
