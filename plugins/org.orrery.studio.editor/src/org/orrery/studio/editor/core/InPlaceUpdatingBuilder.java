// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/**
 * The language server's build of one change, updating an open document's resource in place. Xtext's builder
 * unloads every dirty resource and parses it again from its text; for a keystroke in a 40,000-line system that is
 * a third of the time to diagnostics. Here the edits the document received are applied to its loaded resource
 * with {@link XtextResource#update}, whose partial parser re-parses only the smallest region of the grammar that
 * contains the change (falling back to a full parse itself when the change crosses rule boundaries or leaves a
 * syntax error). Linking, indexing and validation then run as before, on the whole resource.
 * <p>
 * The resource is kept only when its text afterwards is exactly the document's (a document just opened with the
 * text the workspace build read from disk keeps that build's resource as it is); anything else (a resource not
 * loaded yet, an edit that does not apply, a failure in the parser) takes Xtext's path: unload and parse anew.
 */
public class InPlaceUpdatingBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {

    private static final Logger LOG = Logger.getLogger(InPlaceUpdatingBuilder.class);

    @Inject
    private OpenDocuments documents;

    private final Set<URI> updated = new HashSet<>();

    @Override
    public IncrementalBuilder.Result launch() {
        // A dirty file that can no longer be read (deleted on disk after the change that made it dirty, e.g. with its
        // project) made Xtext's build fail on the read, and the editor's next request with it (seen once in a UI
        // test run: no diagnostics ever came). Xtext's own close of a document takes a missing file for deleted;
        // so does this build.
        List<URI> gone = getRequest().getDirtyFiles().stream().filter(uri -> !exists(uri)).toList();
        if (!gone.isEmpty()) {
            List<URI> dirty = new ArrayList<>(getRequest().getDirtyFiles());
            dirty.removeAll(gone);
            List<URI> deleted = new ArrayList<>(getRequest().getDeletedFiles());
            deleted.addAll(gone);
            getRequest().setDirtyFiles(dirty);
            getRequest().setDeletedFiles(deleted);
        }
        for (URI dirty : getRequest().getDirtyFiles()) {
            if (updateInPlace(dirty)) {
                updated.add(dirty);
            }
        }
        return super.launch();
    }

    @Override
    protected void unloadResource(URI uri, Predicate<Resource> condition) {
        if (!updated.contains(uri)) {
            super.unloadResource(uri, condition);
        }
    }

    /** Whether the build can read {@code uri}: an open document's text, or a file on disk. */
    private boolean exists(URI uri) {
        try {
            return getRequest().getResourceSet().getURIConverter().exists(uri, null);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private boolean updateInPlace(URI uri) {
        OpenDocuments.Changes changes = documents.take(uri);
        // A document just opened has no edits yet: the resource the workspace build loaded from disk is kept when
        // its text is exactly the document's (below), with the issues that build found (UnchangedModelValidator);
        // any other text is parsed anew. (Parsing it again took most of the time from opening a large system to its
        // first diagnostics.)
        if (changes == null) {
            return false;
        }
        Resource resource = getRequest().getResourceSet().getResource(uri, false);
        if (!(resource instanceof XtextResource xtext) || !xtext.isLoaded() || xtext.getParseResult() == null) {
            return false;
        }
        try {
            for (OpenDocuments.Edit edit : changes.edits()) {
                xtext.update(edit.offset(), edit.length(), edit.text());
            }
        } catch (RuntimeException e) {
            // The parse from scratch that follows gives the right answer; the failure is only worth a line.
            LOG.info("Reparsing " + uri.lastSegment() + " in full: the update in place failed (" + e + ")");
            return false;
        }
        return xtext.getParseResult().getRootNode().getText().equals(changes.text());
    }
}
