// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.Positions;

/**
 * The Outline view for an Orrery editor: the server's document symbols (board, partitions with their
 * processes and ports, plans...). It refreshes whenever the server has re-validated the document, which is
 * exactly when the symbols can have changed.
 */
final class OrreryOutlinePage extends ContentOutlinePage {

    private final ITextEditor editor;
    private final Supplier<LspDocument> document;
    private Runnable unsubscribe = () -> { };

    OrreryOutlinePage(ITextEditor editor, Supplier<LspDocument> document) {
        this.editor = editor;
        this.document = document;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setComparer(new ByNameAndKind());
        viewer.setContentProvider(new Symbols());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof DocumentSymbol s ? s.getName() : String.valueOf(element);
            }
        });
        LspDocument doc = document.get();
        if (doc != null) {
            unsubscribe = doc.service().onDiagnostics(doc.uri(), d -> refresh());
            refresh();
        }
    }

    /** Asks for the symbols off the UI thread and shows them when they arrive. */
    void refresh() {
        LspDocument doc = document.get();
        if (doc == null) {
            return;
        }
        doc.service().server().getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc.id()))
                .thenAccept(symbols -> {
                    Control control = getControl();
                    if (control != null && !control.isDisposed()) {
                        control.getDisplay().asyncExec(() -> show(symbols));
                    }
                });
    }

    private void show(List<Either<SymbolInformation, DocumentSymbol>> symbols) {
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<DocumentSymbol> roots = symbols.stream().filter(Either::isRight).map(Either::getRight).toList();
        Object[] expanded = viewer.getExpandedElements();
        viewer.setInput(roots);
        viewer.setExpandedElements(expanded);
        if (expanded.length == 0) {
            viewer.expandToLevel(2);
        }
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        LspDocument doc = document.get();
        if (doc != null && event.getSelection() instanceof IStructuredSelection s
                && s.getFirstElement() instanceof DocumentSymbol symbol) {
            int[] region = Positions.toRegion(doc.document(), symbol.getSelectionRange());
            editor.selectAndReveal(region[0], region[1]);
        }
    }

    @Override
    public void dispose() {
        unsubscribe.run();
        super.dispose();
    }

    /** Tree over LSP document symbols. */
    private static final class Symbols implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> l ? l.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof DocumentSymbol s && s.getChildren() != null ? s.getChildren().toArray()
                    : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }

    /** Symbols are new objects after every edit; name and kind identify them well enough to keep expansion. */
    private static final class ByNameAndKind implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            if (a instanceof DocumentSymbol x && b instanceof DocumentSymbol y) {
                return Objects.equals(x.getName(), y.getName()) && x.getKind() == y.getKind();
            }
            return Objects.equals(a, b);
        }

        @Override
        public int hashCode(Object element) {
            return element instanceof DocumentSymbol s ? Objects.hash(s.getName(), s.getKind()) : Objects.hashCode(element);
        }
    }
}
