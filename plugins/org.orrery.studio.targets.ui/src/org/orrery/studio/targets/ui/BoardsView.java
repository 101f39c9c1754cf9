// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardText;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.RefreshJob;
import org.orrery.studio.targets.ui.internal.AddBoardDialog;

/**
 * The boards of the user's registry, one row each: name, address, status and last seen, running image, slot
 * states, the key's fingerprint. Presents {@link BoardsModel} and nothing more; statuses are fetched by
 * {@link RefreshJob}s, on open, on Refresh, after every flash, and every {@value #POLL_MS} ms while the view is open.
 */
public final class BoardsView extends ViewPart {

    public static final String ID = "org.orrery.studio.targets.ui.boards";
    static final long POLL_MS = 15_000;

    private final BoardsModel model = BoardsModel.ofUser();
    private final Runnable changed = this::showLater;
    private TableViewer viewer;
    private RefreshJob poll;
    private volatile boolean open = true;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 110, BoardRow::name);
        column("Address", 150, r -> r.board().address());
        column("Status", 230, BoardText::state);
        column("Running image", 230, BoardText::running);
        column("Slots", 400, BoardText::slots);
        column("Fingerprint", 420, r -> r.board().fingerprint());
        contributeActions();
        model.addListener(changed);
        show();
        poll = new RefreshJob(model, List.of());
        poll.setSystem(true);
        poll.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (open) {
                    poll.schedule(POLL_MS);
                }
            }
        });
        poll.schedule();
    }

    private void column(String title, int width, Function<BoardRow, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((BoardRow) element);
            }
        });
    }

    private void contributeActions() {
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(new Action("Add Board\u2026") {
            @Override
            public void run() {
                new AddBoardDialog(getSite().getShell(), model).open();
            }
        });
        bar.add(new Action("Remove") {
            @Override
            public void run() {
                removeSelected();
            }
        });
        bar.add(new Action("Refresh") {
            @Override
            public void run() {
                new RefreshJob(model, List.of()).schedule();
            }
        });
    }

    private void removeSelected() {
        List<String> names = ((IStructuredSelection) viewer.getSelection()).stream()
                .map(o -> ((BoardRow) o).name()).toList();
        if (names.isEmpty() || !MessageDialog.openConfirm(getSite().getShell(), "Remove Boards",
                "Forget " + String.join(", ", names) + " and the keys they presented?")) {
            return;
        }
        try {
            for (String n : names) {
                model.remove(n);
            }
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Remove Boards", e.getMessage());
        }
    }

    private void showLater() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(this::show);
        }
    }

    private void show() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        try {
            viewer.setInput(model.rows());
            setContentDescription("");
        } catch (IOException e) {
            viewer.setInput(List.of());
            setContentDescription(e.getMessage()); // an unreadable registry names the file and the line
        }
    }

    /** The rows as shown; for tests and for the Flash tab's board list. */
    public Table table() {
        return viewer.getTable();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        open = false;
        model.removeListener(changed);
        if (poll != null) {
            poll.cancel();
        }
        super.dispose();
    }
}
