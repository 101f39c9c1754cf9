// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.part.MultiPageEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.orrery.studio.editor.OrreryEditor;
import org.orrery.studio.ui.internal.system.DocumentModel;
import org.orrery.studio.ui.internal.system.PageContributions;

/**
 * The editor for {@code *.orrery} files: the text editor as page "Source", then the graphical pages
 * contributed through {@code org.orrery.studio.ui.systemEditorPages} (schedule, topology, memory map). All
 * pages edit the text page's one document, so saving, dirty state and undo are the text editor's.
 */
public class SystemEditor extends MultiPageEditorPart implements IGotoMarker {

    public static final String ID = "org.orrery.studio.ui.SystemEditor";

    private OrreryEditor text;
    private DocumentModel model;
    private final List<SystemEditorPage> pages = new ArrayList<>();
    private final List<String> pageNames = new ArrayList<>();
    private final IAction undo = new Action("Undo") {
        @Override
        public void run() {
            model.undo();
        }
    };
    private final IAction redo = new Action("Redo") {
        @Override
        public void run() {
            model.redo();
        }
    };

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        setPartName(input.getName());
    }

    @Override
    protected void createPages() {
        text = new OrreryEditor();
        try {
            setPageText(addPage(text, getEditorInput()), "Source");
        } catch (PartInitException e) {
            ILog.of(getClass()).error("Cannot open the text page", e);
            return;
        }
        pageNames.add("Source");
        IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
        model = new DocumentModel(document, file(), fileUri(), getSite().getShell().getDisplay(), this::status);
        for (PageContributions.Contribution c : PageContributions.all()) {
            try {
                SystemEditorPage page = c.create();
                Control control = page.createControl(getContainer(), model);
                setPageText(addPage(control), c.name());
                pages.add(page);
                pageNames.add(c.name());
                model.addModelListener(page::modelChanged);
            } catch (CoreException | RuntimeException e) {
                ILog.of(getClass()).error("System editor page " + c.id() + " failed", e);
            }
        }
    }

    private IFile file() {
        return getEditorInput() instanceof IFileEditorInput f ? f.getFile() : null;
    }

    private URI fileUri() {
        IFile file = file();
        if (file != null && file.getLocationURI() != null) {
            return file.getLocationURI();
        }
        if (getEditorInput() instanceof IURIEditorInput u) {
            return u.getURI();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), getEditorInput().getName()).toUri();
    }

    private void status(String problem) {
        getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(problem);
    }

    @Override
    protected void pageChange(int newPageIndex) {
        super.pageChange(newPageIndex);
        int graphical = newPageIndex - 1;
        boolean isGraphical = graphical >= 0 && graphical < pages.size();
        if (model != null) {
            model.setGraphicalPageActive(isGraphical);
        }
        if (model != null && isGraphical) {
            model.sync();
            pages.get(graphical).activated();
        }
    }

    /** Brings the page with tab title {@code name} to front; false if there is none. */
    public boolean showPage(String name) {
        int index = pageNames.indexOf(name);
        if (index < 0) {
            return false;
        }
        setActivePage(index);
        return true;
    }

    /** The contributed page of type {@code type}, for tools and tests. */
    public <T> T page(Class<T> type) {
        return pages.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    public List<String> pageNames() {
        return List.copyOf(pageNames);
    }

    public SystemEditorContext context() {
        return model;
    }

    public OrreryEditor textEditor() {
        return text;
    }

    public IAction undoAction() {
        return undo;
    }

    public IAction redoAction() {
        return redo;
    }

    @Override
    public void gotoMarker(IMarker marker) {
        setActivePage(0);
        IDE.gotoMarker(text, marker);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        text.doSave(monitor);
    }

    @Override
    public void doSaveAs() {
        text.doSaveAs();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (text != null && (adapter == OrreryEditor.class || adapter == ITextEditor.class)) {
            return adapter.cast(text);
        }
        if (text != null && adapter == IContentOutlinePage.class) {
            return text.getAdapter(adapter);
        }
        if (model != null && adapter == SystemEditorContext.class) {
            return adapter.cast(model);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        pages.forEach(SystemEditorPage::dispose);
        if (model != null) {
            model.dispose();
        }
        super.dispose();
    }
}
