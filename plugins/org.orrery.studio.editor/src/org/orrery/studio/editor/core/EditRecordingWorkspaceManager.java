// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Inject;

/**
 * Xtext's workspace manager, also telling {@link OpenDocuments} which region each change of an open document
 * replaced. Xtext keeps only the resulting text, so its builder can but parse the whole document again.
 */
public class EditRecordingWorkspaceManager extends WorkspaceManager {

    @Inject
    private OpenDocuments documents;

    @Override
    public BuildManager.Buildable didOpen(URI uri, Integer version, String contents) {
        documents.opened(uri, contents);
        return super.didOpen(uri, version, contents);
    }

    /**
     * Each change's range refers to the text left by the changes before it (LSP), so the offsets are read against
     * a document that has them applied one by one, exactly as Xtext applies them.
     */
    @Override
    public BuildManager.Buildable didChangeTextDocumentContent(URI uri, Integer version,
            Iterable<TextDocumentContentChangeEvent> changes) {
        Document current = getOpenDocuments().get(uri);
        if (current == null) {
            return super.didChangeTextDocumentContent(uri, version, changes);
        }
        List<OpenDocuments.Edit> edits = new ArrayList<>();
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                edits.add(new OpenDocuments.Edit(0, current.getContents().length(), change.getText()));
            } else {
                ITextRegion region = current.getTextRegion(change.getRange());
                edits.add(new OpenDocuments.Edit(region.getOffset(), region.getLength(), change.getText()));
            }
            current = current.applyTextDocumentChanges(List.of(change));
        }
        // Same version arithmetic as Xtext's: one increment per notification, whatever the number of changes.
        Document before = getOpenDocuments().get(uri);
        Document after = new Document(before.getVersion() == null ? null : before.getVersion() + 1,
                current.getContents(), before.isPrintSourceOnError());
        getOpenDocuments().put(uri, after);
        documents.changed(uri, edits, after.getContents());
        return didChangeFiles(List.of(uri), Collections.emptyList());
    }

    @Override
    public BuildManager.Buildable didClose(URI uri) {
        documents.closed(uri);
        return super.didClose(uri);
    }
}
