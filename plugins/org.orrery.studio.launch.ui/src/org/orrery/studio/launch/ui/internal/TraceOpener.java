// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.ui.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.orrery.studio.launch.SimulatorLaunch;
import org.orrery.studio.trace.ui.TimelineView;

/**
 * Opens the trace of a finished simulator run in the Orrery Timeline view. Installed at workbench start-up
 * and, in case early start-up is disabled, whenever the simulator UI is first used.
 */
public final class TraceOpener implements IStartup, ILaunchesListener2 {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    @Override
    public void earlyStartup() {
        install();
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            DebugPlugin.getDefault().getLaunchManager().addLaunchListener(new TraceOpener());
        }
    }

    @Override
    public void launchesTerminated(ILaunch[] launches) {
        for (ILaunch launch : launches) {
            String folder = launch.getAttribute(SimulatorLaunch.TRACE_FOLDER);
            if (folder != null && isSimulatorRun(launch)) {
                PlatformUI.getWorkbench().getDisplay().asyncExec(() -> open(Path.of(folder)));
            }
        }
    }

    private static boolean isSimulatorRun(ILaunch launch) {
        ILaunchConfiguration c = launch.getLaunchConfiguration();
        try {
            return c != null && SimulatorLaunch.TYPE_ID.equals(c.getType().getIdentifier());
        } catch (org.eclipse.core.runtime.CoreException e) {
            return false;
        }
    }

    private static void open(Path folder) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null) {
            return;
        }
        try {
            TimelineView view = (TimelineView) page.showView(TimelineView.ID);
            view.loadTraceFolder(folder);
        } catch (PartInitException e) {
            ILog.of(TraceOpener.class).log(Status.error("Cannot open the trace " + folder + ": " + e.getMessage(), e));
        }
    }

    @Override
    public void launchesRemoved(ILaunch[] launches) {
        // nothing to do: the trace stays on disk and in the view
    }

    @Override
    public void launchesAdded(ILaunch[] launches) {
        // a run's trace exists only once it has ended
    }

    @Override
    public void launchesChanged(ILaunch[] launches) {
        // idem
    }
}
