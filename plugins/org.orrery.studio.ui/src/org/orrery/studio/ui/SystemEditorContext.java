// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;

/** What a {@link SystemEditorPage} sees of its editor: the shared document and the model parsed from it. */
public interface SystemEditorContext {

    /** The model of the document's latest parsed text (text edits are re-parsed after a short pause). */
    SystemModelSession session();

    /** The text page's document, shared by every page. */
    IDocument document();

    /** The edited file; null when the input is not a workspace file. */
    IFile file();

    /**
     * Runs a model operation (typically {@code () -> session().edit(...)} or a diagram editor's operation that
     * calls it) and writes the text edits it answers into the document as ONE undoable change, then tells
     * every page. The session is synchronised with the document first. An operation throwing
     * {@link IllegalArgumentException} or {@link IllegalStateException} is refused: its message goes to the
     * status line and the answer is false.
     */
    boolean apply(Supplier<List<TextEdit>> operation);

    /** Re-parses now if the text changed since the last parse (pages call it before reading the model). */
    void sync();

    /** Undo/redo of the shared document (graphical and text edits alike). */
    void undo();

    void redo();

    void addModelListener(Runnable listener);

    void removeModelListener(Runnable listener);
}
