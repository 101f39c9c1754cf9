// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.part.ViewPart;
import org.orrery.studio.targets.ControlJob;
import org.orrery.studio.targets.PartitionState;
import org.orrery.studio.targets.TargetBoard;
import org.orrery.studio.targets.TargetsModel;
import org.orrery.studio.targets.WatchJob;

/**
 * Running boards, live: a tree of the registry's boards and their partitions (mode, CPU use in the last window),
 * a details pane with the selected partition's health-monitor and console lines (or the board's slot lines), and
 * the operator's actions (start, stop, restart a partition; switch plan) as jobs. Presents {@link TargetsModel}
 * only; the board's events arrive often, so the tree is redrawn at most every {@value #REDRAW_MS} ms.
 */
public final class TargetsView extends ViewPart {

    public static final String ID = "org.orrery.studio.targets.ui.targets";
    static final int REDRAW_MS = 250;

    private final TargetsModel model = TargetsModel.ofUser();
    private final Runnable changed = this::changed;
    private TreeViewer viewer;
    private Text details;
    private volatile boolean dirty;
    private boolean redrawScheduled;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        viewer = new TreeViewer(sash, SWT.FULL_SELECTION | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setContentProvider(new Content());
        viewer.setComparer(new ByName());
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        column("Board / partition", 200, e -> e instanceof TargetBoard b ? b.name() : ((PartitionState) e).name());
        column("Mode", 110, e -> e instanceof TargetBoard b ? boardState(b) : ((PartitionState) e).mode());
        column("CPU in last window", 220, e -> e instanceof PartitionState p ? p.cpuText() : "");
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        sash.setWeights(60, 40);
        viewer.addSelectionChangedListener(e -> showDetails());
        contextMenu();
        getViewSite().getActionBars().getToolBarManager().add(new Action("Refresh") {
            @Override
            public void run() {
                new WatchJob(model, List.of()).schedule();
            }
        });
        model.addListener(changed);
        model.boardsModel().addListener(changed);
        redraw();
        new WatchJob(model, List.of()).schedule();
    }

    private static String boardState(TargetBoard b) {
        return b.problem() != null ? b.problem() : b.watched() ? "followed" : "";
    }

    private void column(String title, int width, Function<Object, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    private void contextMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
        getSite().registerContextMenu(menu, viewer);
    }

    private void fillMenu(IMenuManager menu) {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (selected instanceof PartitionState p) {
            menu.add(control("Start", p.board(), "start", p.name(), p.mode().equals("IDLE")));
            menu.add(control("Stop", p.board(), "stop", p.name(), !p.mode().equals("IDLE")));
            menu.add(control("Restart", p.board(), "restart", p.name(), true));
            menu.add(new Separator());
        }
        String board = selected instanceof PartitionState p ? p.board()
                : selected instanceof TargetBoard b ? b.name() : null;
        if (board != null) {
            menu.add(new Action("Switch Plan\u2026") {
                @Override
                public void run() {
                    InputDialog d = new InputDialog(getSite().getShell(), "Switch Plan",
                            "Plan of the system on board " + board + " to switch to at the end of the major frame:", "",
                            s -> s.isBlank() || s.chars().anyMatch(Character::isWhitespace) ? "a plan name" : null);
                    if (d.open() == Window.OK) {
                        new ControlJob(model, board, "switch-plan", d.getValue()).schedule();
                    }
                }
            });
        }
    }

    private Action control(String label, String board, String action, String partition, boolean enabled) {
        Action a = new Action(label) {
            @Override
            public void run() {
                new ControlJob(model, board, action, partition).schedule();
            }
        };
        a.setEnabled(enabled);
        return a;
    }

    /** Any thread: note the change; the UI redraws once per {@link #REDRAW_MS} at most. */
    private void changed() {
        dirty = true;
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (!redrawScheduled && !viewer.getControl().isDisposed()) {
                redrawScheduled = true;
                viewer.getControl().getDisplay().timerExec(REDRAW_MS, () -> {
                    redrawScheduled = false;
                    if (dirty) {
                        redraw();
                    }
                });
            }
        });
    }

    private void redraw() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        dirty = false;
        try {
            viewer.setInput(model.boards());
            setContentDescription("");
        } catch (IOException e) {
            viewer.setInput(List.of());
            setContentDescription(e.getMessage()); // an unreadable registry names the file and the line
        }
        viewer.expandAll();
        showDetails();
    }

    /** The selected element as it is now (the tree holds the last drawn copies). */
    private void showDetails() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        List<String> lines = new ArrayList<>();
        if (selected instanceof PartitionState p) {
            PartitionState now = model.partitions(p.board()).stream().filter(q -> q.name().equals(p.name()))
                    .findFirst().orElse(p);
            lines.add("Partition " + now.name() + " on board " + now.board() + ": " + now.mode()
                    + (now.cpu() == null ? "" : ", CPU in last window " + now.cpuText()));
            lines.add("");
            lines.add("Health monitor:");
            now.hm().forEach(l -> lines.add("  " + l));
            lines.add("");
            lines.add("Console:");
            now.console().forEach(l -> lines.add("  " + l));
        } else if (selected instanceof TargetBoard b) {
            lines.add("Board " + b.name() + (b.problem() == null ? "" : ": " + b.problem()));
            try {
                model.boards().stream().filter(x -> x.name().equals(b.name())).findFirst()
                        .ifPresent(now -> now.log().forEach(l -> lines.add("  " + l)));
            } catch (IOException e) {
                lines.add(e.getMessage());
            }
        }
        String text = String.join("\n", lines);
        if (!text.equals(details.getText())) {
            details.setText(text);
            details.setTopIndex(details.getLineCount());
        }
    }

    /** Boards, then each board's partitions. */
    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof TargetBoard b ? model.partitions(b.name()).toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof TargetBoard b && !model.partitions(b.name()).isEmpty();
        }
    }

    /** A board or partition stays the same row (and selection) while its mode and figures change. */
    private static final class ByName implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            return Objects.equals(key(a), key(b));
        }

        @Override
        public int hashCode(Object element) {
            return Objects.hashCode(key(element));
        }

        private static Object key(Object e) {
            return e instanceof TargetBoard b ? List.of(b.name())
                    : e instanceof PartitionState p ? List.of(p.board(), p.name()) : e;
        }
    }

    /** The tree as shown; for tests. */
    public Tree tree() {
        return viewer.getTree();
    }

    /** The details pane as shown; for tests. */
    public Text details() {
        return details;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        model.removeListener(changed);
        model.boardsModel().removeListener(changed);
        model.unwatchAll(); // the event sessions are this view's
        super.dispose();
    }
}
