// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.trace.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
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
import org.orrery.trace.analysis.TimelineBuilder;
import org.orrery.trace.analysis.TimelineLabels;
import org.orrery.trace.analysis.TimelineModel;
import org.orrery.trace.analysis.TraceFollower;

/**
 * The Orrery Timeline: one lane per core with the windows that ran over the configured ones, process states,
 * port traffic and health-monitor events; below, the deviations from the configured schedule. Selecting a
 * deviation zooms to it. With Follow on, a trace folder that is still being written (a live trace) is polled
 * every {@value #POLL_MS} ms and its new packets appear as they arrive. A thin presentation of
 * {@link TimelineModel}, which does all the analysis.
 */
public final class TimelineView extends ViewPart {

    public static final String ID = "org.orrery.studio.trace.ui.timeline";

    /** How often a followed trace folder is looked at. */
    public static final int POLL_MS = 200;
    /** How often, at most, the schedule check runs again on a growing trace (it looks at every window). */
    private static final long CHECK_EVERY_NS = 1_000_000_000L;

    private TimelineCanvas canvas;
    private Table deviations;
    private TimelineModel model;
    private TraceFollower follower;
    private Action followAction;
    private boolean following;
    private long checkedAt;
    /**
     * The model's deviation list the table was last sized and cleared for. Each check publishes a new list, so a
     * recheck that changes rows but not their number is seen too; comparing the count alone left stale rows shown.
     */
    private List<Deviation> listedDeviations;
    private int pollChain;
    private boolean unchecked;
    /** Counts trace reads started; only the newest one's result is shown. */
    private volatile int loadChain;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        canvas = new TimelineCanvas(sash);
        // Virtual: a long or live trace can list tens of thousands of deviations; rows are made when shown.
        deviations = new Table(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
        deviations.setHeaderVisible(true);
        for (String[] column : new String[][] {{"Time", "110"}, {"Core", "50"}, {"Deviation", "130"},
            {"Message", "620"}}) {
            TableColumn c = new TableColumn(deviations, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        deviations.addListener(SWT.SetData, e -> fillDeviationRow((TableItem) e.item, e.index));
        deviations.addListener(SWT.Selection, e -> revealSelectedDeviation());
        sash.setWeights(3, 1);
        contributeActions(getViewSite().getActionBars().getToolBarManager());
        // The workbench keeps a closed view's last title; a new instance starts without a trace.
        setPartName(registeredName());
        show(null);
    }

    /** Shows {@code m} (or nothing for {@code null}); callers are the open action, launches and tests. */
    public void show(TimelineModel m) {
        setFollowing(false);
        follower = null;
        followAction.setEnabled(false);
        this.model = m;
        canvas.setModel(m);
        listedDeviations = null;
        describe();
    }

    public TimelineModel model() {
        return model;
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    /**
     * Reads a trace folder in this thread and shows it; a last packet still being written is left out (Follow picks
     * it up). For callers that need the model at once; the view's own actions and launches use
     * {@link #loadTraceFolder(Path)}.
     */
    public void openTraceFolder(Path dir) throws IOException {
        ++loadChain;
        showFollower(read(dir, () -> false));
    }

    /**
     * Reads a trace folder in a background job (a trace of a million events takes seconds to decode and check, and
     * the workbench must not freeze meanwhile) and shows it when it is read. The view keeps showing what it showed
     * until then; a cancelled read, or one overtaken by a newer one, shows nothing. A folder that cannot be read
     * is named with the reason in the view's description (and the job's error status), the shown trace kept.
     */
    public Job loadTraceFolder(Path dir) {
        int chain = ++loadChain;
        setContentDescription("Reading the trace " + dir + "...");
        var display = canvas.getDisplay();
        Job job = new Job("Reading the Orrery trace " + dir.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
                try {
                    TraceFollower f = read(dir, () -> monitor.isCanceled() || chain != loadChain);
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    display.asyncExec(() -> {
                        if (chain == loadChain && !canvas.isDisposed()) {
                            showFollower(f);
                        }
                    });
                    return Status.OK_STATUS;
                } catch (IOException e) {
                    String message = "Cannot open the trace: " + e.getMessage();
                    display.asyncExec(() -> {
                        if (chain == loadChain && !canvas.isDisposed()) {
                            setContentDescription(message);
                        }
                    });
                    return Status.error(message);
                } finally {
                    monitor.done();
                }
            }
        };
        // A job cancelled before it ran never gets to run(): its end puts the description back.
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (event.getResult().getSeverity() == IStatus.CANCEL) {
                    display.asyncExec(() -> describeAfterLoad(chain));
                }
            }
        });
        // Not a user job: the workbench would put a modal progress dialog in front of the view being freed.
        job.schedule();
        return job;
    }

    /** A read that did not end in a trace puts back the description of what the view still shows. */
    private void describeAfterLoad(int chain) {
        if (chain == loadChain && !canvas.isDisposed()) {
            describe();
        }
    }

    /** Decodes a folder and checks its schedule; touches no widget, so it may run in any thread. */
    private static TraceFollower read(Path dir, BooleanSupplier stop) throws IOException {
        TraceFollower f = TraceFollower.open(dir, TimelineBuilder.EXACT);
        f.poll(stop);
        if (!stop.getAsBoolean()) {
            f.model().checkSchedule();
        }
        return f;
    }

    private void showFollower(TraceFollower f) {
        show(f.model());
        follower = f;
        followAction.setEnabled(true);
        setPartName(registeredName() + " - " + f.directory().getFileName());
    }

    /** Opens a trace folder that is being written and follows it. */
    public void followTraceFolder(Path dir) throws IOException {
        openTraceFolder(dir);
        model.checkScheduleSoFar();
        listedDeviations = null;
        setFollowing(true);
        describe();
    }

    public boolean following() {
        return following;
    }

    /** Starts or stops polling the open trace folder for new packets. */
    public void setFollowing(boolean on) {
        boolean start = on && follower != null && !following;
        following = on && follower != null;
        if (followAction != null) {
            followAction.setChecked(following);
        }
        canvas.setFollow(following);
        if (start) {
            int chain = ++pollChain;
            canvas.getDisplay().timerExec(POLL_MS, () -> pollOnce(chain));
        }
    }

    private void pollOnce(int chain) {
        if (!following || chain != pollChain || canvas.isDisposed()) {
            return;
        }
        try {
            long added = follower.poll();
            long now = System.nanoTime();
            // While packets pour in the schedule check runs about once a second; once they stop, at once.
            unchecked |= added > 0;
            boolean check = unchecked && (added == 0 || now - checkedAt >= CHECK_EVERY_NS);
            if (check) {
                model.checkScheduleSoFar();
                checkedAt = now;
                unchecked = false;
            }
            if (added > 0 || check) {
                canvas.modelGrew();
                describe();
            }
        } catch (IOException e) {
            setFollowing(false);
            setContentDescription("Stopped following: " + e.getMessage());
            return;
        }
        canvas.getDisplay().timerExec(POLL_MS, () -> pollOnce(chain));
    }

    /** The one-line summary above the lanes and the deviation table, refreshed as the model grows. */
    private void describe() {
        TimelineModel m = model;
        if (m == null) {
            deviations.removeAll();
            setContentDescription("No trace loaded");
            return;
        }
        if (listedDeviations != m.deviations()) {
            deviations.setItemCount(m.deviations().size());
            deviations.clearAll(); // a new check may have changed any row: shown rows are asked for again
            listedDeviations = m.deviations();
        }
        int n = m.deviations().size();
        setContentDescription(m.config().name() + ": " + m.cores() + " cores, " + m.windows() + " windows, "
                + (m.conforms() ? "conforms to the configured schedule"
                        : n + (n == 1 ? " deviation" : " deviations") + " from the configured schedule")
                + "; " + String.format("%,d", m.events()) + " events"
                + (m.discarded() > 0 ? "; " + String.format("%,d", m.discarded()) + " events discarded by the tracer"
                        : "")
                + (m.eventsOutsideCores() > 0 ? "; " + m.eventsOutsideCores() + " events of cores the configuration"
                        + " does not have" : "")
                + (following ? " (following)" : ""));
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

    private void fillDeviationRow(TableItem item, int index) {
        TimelineModel m = model;
        if (m != null && index < m.deviations().size()) {
            Deviation d = m.deviations().get(index);
            item.setText(new String[] {TimelineLabels.time(d.timeNs()), Integer.toString(d.core()), d.kind().name(),
                d.message()});
        }
    }

    private void revealSelectedDeviation() {
        TimelineModel m = model;
        int index = deviations.getSelectionIndex();
        if (m != null && index >= 0 && index < m.deviations().size() && canvas.viewport() != null) {
            Deviation d = m.deviations().get(index);
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
                    loadTraceFolder(Path.of(dir));
                }
            }
        };
        open.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_FOLDER));
        toolbar.add(open);
        toolbar.add(action("Zoom In", () -> canvas.zoom(2)));
        toolbar.add(action("Zoom Out", () -> canvas.zoom(0.5)));
        toolbar.add(action("Show Whole Trace", () -> canvas.fit()));
        followAction = new Action("Follow", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                setFollowing(isChecked());
                describe();
            }
        };
        followAction.setToolTipText("Follow a trace that is being written: show new packets as they arrive and keep"
                + " the newest time in view");
        followAction.setEnabled(false);
        toolbar.add(followAction);
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
