// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.system;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.widgets.Display;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.ui.SystemEditorContext;

/**
 * Keeps one {@link SystemModelSession} in step with the text page's document. The session is parsed on first
 * use, i.e. when a graphical page is first shown: the Source page has the language server, and a second parse
 * of a large system at opening would only delay it. While a graphical page is in front, text changes (undo, a
 * file reverted on disk) are re-parsed after a pause in a background job (a 1,000-partition system takes about
 * a second to parse and validate); typing in the Source page is not parsed twice, the next graphical page
 * catches up when it is activated. Pages that are about to edit call {@link #sync()}, which parses now;
 * graphical edits go the other way, into the document as one compound change of the document's own undo
 * manager, which the text viewer shares, so Undo in any page undoes either kind of edit. Validation is deferred
 * (on a large system it costs more than the parse): pages draw the new model at once and redraw their flags
 * once {@link #validateSoon()} has run, right after the paint.
 */
public final class DocumentModel implements SystemEditorContext, IDocumentListener {

    static final int REPARSE_DELAY_MS = 300;

    private final IDocument document;
    private final IFile file;
    private final Display display;
    private final Consumer<String> problems;
    private final URI fileUri;
    private SystemModelSession session;
    private boolean graphicalPageActive;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Runnable reparseInBackground = this::reparseInBackground;
    private boolean writing;
    private boolean disposed;

    public DocumentModel(IDocument document, IFile file, URI fileUri, Display display, Consumer<String> problems) {
        this.document = document;
        this.file = file;
        this.display = display;
        this.problems = problems;
        this.fileUri = fileUri;
        document.addDocumentListener(this);
    }

    @Override
    public SystemModelSession session() {
        if (session == null) {
            session = SystemModelSession.openDeferringValidation(fileUri, document.get());
            validateSoon();
        }
        return session;
    }

    /** Whether a graphical page is in front; only then are text changes re-parsed in the background. */
    public void setGraphicalPageActive(boolean active) {
        graphicalPageActive = active;
    }

    @Override
    public IDocument document() {
        return document;
    }

    @Override
    public IFile file() {
        return file;
    }

    @Override
    public boolean apply(Supplier<List<TextEdit>> operation) {
        sync();
        List<List<TextEdit>> result = new java.util.ArrayList<>(1);
        try {
            // Serializing a change of a large system takes seconds: show that the editor is busy.
            BusyIndicator.showWhile(display, () -> result.add(operation.get()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.accept(e.getMessage());
            return false;
        }
        List<TextEdit> edits = result.get(0);
        problems.accept(null);
        if (!edits.isEmpty()) {
            write(edits);
        }
        fire();
        validateSoon();
        return true;
    }

    private void write(List<TextEdit> edits) {
        IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
        if (undo != null) {
            undo.beginCompoundChange();
        }
        writing = true;
        try {
            for (TextEdit e : TextEdit.backwards(edits)) {
                document.replace(e.offset(), e.length(), e.replacement());
            }
        } catch (BadLocationException e) {
            // The session was synchronised just before, so this means the document changed under us.
            problems.accept("The text changed during the edit; re-reading it.");
        } finally {
            writing = false;
            if (undo != null) {
                undo.endCompoundChange();
            }
        }
        sync();
    }

    @Override
    public void sync() {
        display.timerExec(-1, reparseInBackground);
        reparse();
    }

    // After typing: parse in a job so a large system never freezes the editor; install only if still current.
    private void reparseInBackground() {
        String text = document.get();
        if (disposed || session == null || text.equals(session.text())) {
            return;
        }
        Job job = Job.create("Reading the Orrery system model", monitor -> {
            SystemModelSession.Parse parse = session.prepare(text);
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!disposed && parse.text().equals(document.get()) && !parse.text().equals(session.text())) {
                        session.install(parse);
                        fire();
                    }
                });
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void reparse() {
        if (session == null) {
            session();
            fire();
        } else if (session.update(document.get())) {
            fire();
            validateSoon();
        }
    }

    // After the pages have painted the new model: validate on the UI thread (the session has one owner) and
    // let the pages redraw their flags.
    private void validateSoon() {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (disposed || session == null || session.diagnosticsCurrent()) {
                return;
            }
            display.update();
            if (session.validate()) {
                fire();
            }
        });
    }

    @Override
    public void undo() {
        IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
        if (undo != null && undo.undoable()) {
            try {
                undo.undo();
            } catch (org.eclipse.core.commands.ExecutionException e) {
                problems.accept(e.getMessage());
            }
            if (session != null) {
                sync();
            }
        }
    }

    @Override
    public void redo() {
        IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
        if (undo != null && undo.redoable()) {
            try {
                undo.redo();
            } catch (org.eclipse.core.commands.ExecutionException e) {
                problems.accept(e.getMessage());
            }
            if (session != null) {
                sync();
            }
        }
    }

    @Override
    public void addModelListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeModelListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        if (!writing && graphicalPageActive && session != null && !display.isDisposed()) {
            display.timerExec(REPARSE_DELAY_MS, reparseInBackground);
        }
    }

    public void dispose() {
        disposed = true;
        document.removeDocumentListener(this);
        if (!display.isDisposed()) {
            display.timerExec(-1, reparseInBackground);
        }
        listeners.clear();
    }
}
