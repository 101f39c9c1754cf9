// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.orrery.dsl.ide.highlighting.SemanticTokens;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.LspRequests;
import org.orrery.studio.editor.core.TextEdits;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Uris;
import org.orrery.studio.editor.internal.EditorActions;
import org.orrery.studio.editor.internal.EditorFeatures;
import org.orrery.studio.editor.internal.WorkspaceDocuments;
import org.orrery.studio.editor.internal.OrreryPartitions;
import org.orrery.studio.editor.internal.OrreryViewerConfiguration;
import org.orrery.studio.editor.internal.XtextLogBridge;

/**
 * The text editor for {@code *.orrery} files. It only presents: the language work (validation, completion,
 * hover, symbols, definitions) happens in the Orrery language server running in the workbench.
 */
public class OrreryEditor extends TextEditor {

    public static final String ID = "org.orrery.studio.editor.OrreryEditor";

    /** The key-binding context of the editor (plugin.xml). */
    public static final String SCOPE = "org.orrery.studio.editor.scope";

    private LspDocument connection;
    private EditorFeatures features;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new OrreryViewerConfiguration(getPreferenceStore(), this::connection,
                () -> getDocumentProvider() == null ? null : getDocumentProvider().getAnnotationModel(getEditorInput())));
        // Our key bindings (Ctrl+Shift+F format, ...) live in a context below the text editor's.
        setKeyBindingScopes(new String[] {SCOPE});
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        if (features != null) {
            features.highlight(getSourceViewer(), parent.getDisplay());
        }
    }

    /** The semantic tokens shown now (partition/port/plan references, declarations); empty before analysis. */
    public List<SemanticTokens.Token> semanticTokens() {
        return features == null ? List.of() : features.semanticTokens();
    }

    @Override
    protected void createActions() {
        super.createActions();
        EditorActions.install(this);
    }

    @Override
    protected void editorContextMenuAboutToShow(IMenuManager menu) {
        super.editorContextMenuAboutToShow(menu);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.FORMAT);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.REFERENCES);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.RENAME);
    }

    /** Gives the whole document the canonical layout, as one undoable change. */
    public void format() {
        if (connection != null) {
            TextEdits.apply(connection.document(), new LspRequests(connection).format());
        }
    }

    /** Every place naming the element at {@code offset} (declaration first when the server sorts so). */
    public List<Location> findReferences(int offset) {
        return connection == null ? List.of() : new LspRequests(connection).references(offset);
    }

    /**
     * Renames the element at {@code offset} everywhere the language server knows it: the open documents change
     * in their editors (one undoable change each), other workspace files are changed and saved.
     * @return {@code null} when done, else why not
     */
    public String rename(int offset, String newName) {
        if (connection == null) {
            return "This file is not connected to the Orrery language server.";
        }
        WorkspaceEdit edit = new LspRequests(connection).rename(offset, newName);
        if (edit == null || TextEdits.changes(edit).isEmpty()) {
            return "Nothing to rename at the caret.";
        }
        try {
            List<String> missing = WorkspaceDocuments.apply(edit);
            return missing.isEmpty() ? null : "Not changed (outside the workspace): " + missing;
        } catch (CoreException e) {
            return "Rename failed: " + e.getStatus().getMessage();
        }
    }

    /** The line a location points at in this editor's document, trimmed (other files: empty). */
    public String lineText(Location location) {
        if (connection == null || !Uris.key(location.getUri()).equals(Uris.key(connection.uri()))) {
            return "";
        }
        IDocument doc = connection.document();
        try {
            IRegion line = doc.getLineInformation(location.getRange().getStart().getLine());
            return doc.get(line.getOffset(), line.getLength()).strip();
        } catch (BadLocationException e) {
            return "";
        }
    }

    @Override
    protected void doSetInput(IEditorInput input) throws CoreException {
        disconnect();
        super.doSetInput(input);
        if (input != null) {
            connect(input);
        }
    }

    private void connect(IEditorInput input) {
        IDocument document = getDocumentProvider().getDocument(input);
        OrreryPartitions.install(document);
        IFile file = input.getAdapter(IFile.class);
        URI root = ResourcesPlugin.getWorkspace().getRoot().getLocationURI();
        // The server knows the files of the workspace folder; others get highlighting but no analysis.
        if (file == null || file.getLocationURI() == null || !Path.of(file.getLocationURI()).startsWith(Path.of(root))) {
            return;
        }
        XtextLogBridge.install();
        OrreryLanguageService service = OrreryLanguageService.shared(root);
        connection = new LspDocument(service, Uris.of(Path.of(file.getLocationURI())), document).open();
        IAnnotationModel annotations = getDocumentProvider().getAnnotationModel(input);
        features = new EditorFeatures(this, connection, annotations, Display.getCurrent());
        features.highlight(getSourceViewer(), Display.getCurrent());
    }

    private void disconnect() {
        if (features != null) {
            features.close();
            features = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** The document's connection to the language server; {@code null} for files outside the workspace. */
    public LspDocument connection() {
        return connection;
    }

    /** The viewer, for tools and tests that drive the editor like a user (typing, content assist). */
    public ISourceViewer viewer() {
        return getSourceViewer();
    }

    /** The language features wired into the viewer. */
    public SourceViewerConfiguration configuration() {
        return getSourceViewerConfiguration();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (IContentOutlinePage.class.equals(adapter) && features != null) {
            return adapter.cast(features.outline());
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        disconnect();
        super.dispose();
    }
}
