// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.net.URI;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Range;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.orrery.studio.editor.core.Positions;

/** Opens the workspace file an LSP location names and selects its range (go to definition, references). */
final class Locations {

    private Locations() {
    }

    static boolean open(String uri, Range range) {
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(URI.create(uri));
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        if (files.length == 0 || page == null) {
            return false;
        }
        try {
            IEditorPart part = IDE.openEditor(page, files[0]);
            // The default editor may be a multi-page one with the text on a page: it adapts to ITextEditor.
            ITextEditor editor = Adapters.adapt(part, ITextEditor.class);
            if (editor != null) {
                IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
                int[] region = Positions.toRegion(doc, range);
                editor.selectAndReveal(region[0], region[1]);
            }
            return true;
        } catch (PartInitException e) {
            return false;
        }
    }
}
