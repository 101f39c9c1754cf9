// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.orrery.studio.editor.core.TextEdits;

/**
 * Applies a workspace edit (a rename touching several files) through the platform's file buffers: a file open
 * in an editor is changed in that editor's document (unsaved, undoable there); a file nobody has open is
 * changed and saved, as refactorings do.
 */
public final class WorkspaceDocuments {

    private WorkspaceDocuments() {
    }

    /** Applies {@code edit}; answers the URIs that could not be changed (not workspace files). */
    public static List<String> apply(WorkspaceEdit edit) throws CoreException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        List<IPath> connected = new ArrayList<>();
        try {
            List<String> missing = TextEdits.apply(edit, uri -> {
                IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(URI.create(uri));
                if (files.length == 0) {
                    return null;
                }
                IPath path = files[0].getFullPath();
                try {
                    manager.connect(path, LocationKind.IFILE, null);
                } catch (CoreException e) {
                    return null;
                }
                connected.add(path);
                return manager.getTextFileBuffer(path, LocationKind.IFILE).getDocument();
            });
            for (IPath path : connected) {
                ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
                // Only our connection: no editor shows this file, so the change is saved rather than lost.
                if (buffer != null && !buffer.isShared()) {
                    buffer.commit(null, true);
                }
            }
            return missing;
        } finally {
            for (IPath path : connected) {
                manager.disconnect(path, LocationKind.IFILE, null);
            }
        }
    }
}
