// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.orrery.studio.trace.ui.internal.TimelineCanvas;
import org.orrery.trace.analysis.Deviation;
import org.orrery.trace.analysis.Timeline;
import org.orrery.trace.analysis.TimelineBuilder;
import org.orrery.trace.analysis.TimelineLabels;
import org.orrery.trace.analysis.TraceFolder;

/**
 * The Orrery Timeline: one lane per core with the windows that ran over the configured ones, process states,
 * port traffic and health-monitor events; below, the deviations from the configured schedule. Selecting a
 * deviation zooms to it. A thin presentation of {@link Timeline}, which does all the analysis.
 */
public final class TimelineView extends ViewPart {

    public static final String ID = "org.orrery.studio.trace.ui.timeline";

    private TimelineCanvas canvas;
    private Table deviations;
    private Timeline timeline;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        canvas = new TimelineCanvas(sash);
        deviations = new Table(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        deviations.setHeaderVisible(true);
        for (String[] column : new String[][] {{"Time", "110"}, {"Core", "50"}, {"Deviation", "130"},
            {"Message", "620"}}) {
            TableColumn c = new TableColumn(deviations, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        deviations.addListener(SWT.Selection, e -> revealSelectedDeviation());
        sash.setWeights(3, 1);
        contributeActions(getViewSite().getActionBars().getToolBarManager());
        // The workbench keeps a closed view's last title; a new instance starts without a trace.
        setPartName(registeredName());
        show(null);
    }

    /** Shows {@code t} (or nothing for {@code null}); callers are launches, the open action and tests. */
    public void show(Timeline t) {
        this.timeline = t;
        canvas.setTimeline(t);
        deviations.removeAll();
        if (t == null) {
            setContentDescription("No trace loaded");
            return;
        }
        for (Deviation d : t.deviations()) {
            TableItem item = new TableItem(deviations, SWT.NONE);
            item.setText(new String[] {TimelineLabels.time(d.timeNs()), Integer.toString(d.core()),
                d.kind().name(), d.message()});
            item.setData(d);
        }
        long windows = t.lanes().stream().mapToLong(l -> l.windows().size()).sum();
        setContentDescription(t.config().name() + ": " + t.lanes().size() + " cores, " + windows + " windows, "
                + (t.conforms() ? "conforms to the configured schedule"
                        : t.deviations().size() + (t.deviations().size() == 1 ? " deviation" : " deviations")
                                + " from the configured schedule"));
    }

    public Timeline timeline() {
        return timeline;
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    public void openTraceFolder(Path dir) throws IOException {
        show(TraceFolder.load(dir, TimelineBuilder.EXACT));
        setPartName(registeredName() + " - " + dir.getFileName());
    }

    @Override
    public void dispose() {
        // The workbench model keeps the last title for the view's tab, even before a new instance is created.
        setPartName(registeredName());
        super.dispose();
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    private String registeredName() {
        return getConfigurationElement().getAttribute("name");
    }

    private void revealSelectedDeviation() {
        TableItem[] selected = deviations.getSelection();
        if (selected.length == 1 && selected[0].getData() instanceof Deviation d && canvas.viewport() != null) {
            long visible = canvas.viewport().endNs() - canvas.viewport().startNs();
            canvas.reveal(d.timeNs(), Math.max(1_000, visible / 10));
        }
    }

    private void contributeActions(IToolBarManager toolbar) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        Action open = new Action("Open Trace Folder...") {
            @Override
            public void run() {
                DirectoryDialog dialog = new DirectoryDialog(getSite().getShell());
                dialog.setText("Open an Orrery trace folder");
                String dir = dialog.open();
                if (dir != null) {
                    try {
                        openTraceFolder(Path.of(dir));
                    } catch (IOException e) {
                        MessageDialog.openError(getSite().getShell(), "Orrery Timeline", e.getMessage());
                    }
                }
            }
        };
        open.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_FOLDER));
        toolbar.add(open);
        toolbar.add(action("Zoom In", () -> canvas.zoom(2)));
        toolbar.add(action("Zoom Out", () -> canvas.zoom(0.5)));
        toolbar.add(action("Show Whole Trace", () -> canvas.fit()));
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }
}
