// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardText;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.FollowJob;
import org.orrery.studio.targets.RefreshJob;
import org.orrery.studio.targets.ui.internal.AddBoardDialog;

/**
 * The boards of the user's registry, one row each: name, address, status and last seen, running image, slot
 * states, the key's fingerprint. Presents {@link BoardsModel} and nothing more. While the view is open each board's
 * event stream keeps its row current (slot changes show as they happen, see {@link BoardsModel#follow}); every
 * {@value #POLL_MS} ms a {@link FollowJob} reopens streams that dropped and asks boards without one for their status,
 * so polling is the fallback. Refresh asks every board at once.
 */
public final class BoardsView extends ViewPart {

    public static final String ID = "org.orrery.studio.targets.ui.boards";
    /** The Rename action's text and its dialog's title, for tests that find them. */
    public static final String RENAME = "Rename\u2026";
    public static final String RENAME_TITLE = "Rename Board";
    static final long POLL_MS = 15_000;

    private final BoardsModel model = BoardsModel.ofUser();
    private final Runnable changed = this::showLater;
    private TableViewer viewer;
    private FollowJob poll;
    private volatile boolean open = true;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 110, BoardRow::name);
        column("Address", 150, r -> r.board().address());
        column("Status", 260, r -> BoardText.state(r, model.live(r.name())));
        column("Running image", 230, BoardText::running);
        column("Slots", 400, BoardText::slots);
        column("Fingerprint", 420, r -> r.board().fingerprint());
        contributeActions();
        model.addListener(changed);
        show();
        poll = new FollowJob(model);
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
                if (new AddBoardDialog(getSite().getShell(), model).open() == Window.OK) {
                    followNow();
                }
            }
        });
        bar.add(new Action(RENAME) {
            @Override
            public void run() {
                renameSelected();
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

    /** The selected board gets the name the user types, in the registry the CLI reads ({@code orrery boards rename}). */
    private void renameSelected() {
        List<String> names = ((IStructuredSelection) viewer.getSelection()).stream()
                .map(o -> ((BoardRow) o).name()).toList();
        if (names.size() != 1) {
            MessageDialog.openInformation(getSite().getShell(), RENAME_TITLE, "Select one board to rename.");
            return;
        }
        String old = names.get(0);
        InputDialog d = new InputDialog(getSite().getShell(), RENAME_TITLE, "New name for board " + old + ":", old,
                BoardsView::checkName);
        if (d.open() != Window.OK || d.getValue().strip().equals(old)) {
            return;
        }
        try {
            model.rename(old, d.getValue().strip());
            followNow(); // its stream again, under the new name
        } catch (IOException | IllegalArgumentException e) {
            MessageDialog.openError(getSite().getShell(), RENAME_TITLE, e.getMessage());
        }
    }

    /** Runs the poll now rather than at its next turn (a board was added or renamed). */
    private void followNow() {
        if (poll.getState() == Job.SLEEPING) {
            poll.wakeUp();
        } else if (poll.getState() == Job.NONE) {
            poll.schedule();
        }
    }

    /** The registry's rule for names, said before the user presses OK; null when the name is fine. */
    private static String checkName(String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            return "Type the board's new name";
        }
        try {
            BoardRegistry.checkName(n);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
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

    /** The view's toolbar actions (Add, Rename, Remove, Refresh), for tests that press them as a user does. */
    public java.util.Optional<org.eclipse.jface.action.IAction> action(String text) {
        return java.util.Arrays.stream(getViewSite().getActionBars().getToolBarManager().getItems())
                .filter(i -> i instanceof org.eclipse.jface.action.ActionContributionItem)
                .map(i -> ((org.eclipse.jface.action.ActionContributionItem) i).getAction())
                .filter(a -> text.equals(a.getText())).findFirst();
    }

    @Override
    public void dispose() {
        open = false;
        model.removeListener(changed);
        if (poll != null) {
            poll.cancel();
        }
        model.unfollowAll(); // the streams exist for this view
        super.dispose();
    }
}
