// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Uris;
import org.orrery.studio.editor.internal.EditorFeatures;
import org.orrery.studio.editor.internal.OrreryPartitions;
import org.orrery.studio.editor.internal.OrreryViewerConfiguration;

/**
 * The text editor for {@code *.orrery} files. It only presents: the language work (validation, completion,
 * hover, symbols, definitions) happens in the Orrery language server running in the workbench.
 */
public class OrreryEditor extends TextEditor {

    public static final String ID = "org.orrery.studio.editor.OrreryEditor";

    private LspDocument connection;
    private EditorFeatures features;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new OrreryViewerConfiguration(getPreferenceStore(), this::connection));
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
        OrreryLanguageService service = OrreryLanguageService.shared(root);
        connection = new LspDocument(service, Uris.of(Path.of(file.getLocationURI())), document).open();
        IAnnotationModel annotations = getDocumentProvider().getAnnotationModel(input);
        features = new EditorFeatures(this, connection, annotations, Display.getCurrent());
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
