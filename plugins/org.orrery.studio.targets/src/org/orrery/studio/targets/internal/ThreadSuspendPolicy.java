// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointListener;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jdt.debug.core.IJavaBreakpoint;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.orrery.studio.core.OrreryCore;

/**
 * Breakpoints in an Orrery project's applications suspend the thread that hits them, never the whole partition
 * JVM: a suspended VM would stop the partition's other processes and its health reporting, which the board sees as
 * the partition failing. Java breakpoints that exist in the project when it is first attached, and every one added
 * to an Orrery project afterwards, get JDT's "suspend thread" policy; a user who then deliberately switches one to
 * "suspend VM" in its properties keeps that choice.
 */
final class ThreadSuspendPolicy implements IBreakpointListener {

    private static ThreadSuspendPolicy installed;

    private ThreadSuspendPolicy() {
    }

    /** Sets the policy on {@code project}'s Java breakpoints, and from now on on each one added to Orrery projects. */
    static synchronized void applyTo(IProject project) {
        if (installed == null) {
            installed = new ThreadSuspendPolicy();
            DebugPlugin.getDefault().getBreakpointManager().addBreakpointListener(installed);
        }
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(
                JDIDebugModel.getPluginIdentifier())) {
            IMarker m = b.getMarker();
            if (m != null && project.equals(m.getResource().getProject())) {
                suspendThread(b);
            }
        }
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        IMarker m = breakpoint.getMarker();
        if (m == null) {
            return;
        }
        IResource r = m.getResource();
        try {
            if (r.getProject() != null && OrreryCore.isOrreryProject(r.getProject())) {
                suspendThread(breakpoint);
            }
        } catch (CoreException e) {
            ILog.of(ThreadSuspendPolicy.class).log(e.getStatus());
        }
    }

    private static void suspendThread(IBreakpoint breakpoint) {
        if (breakpoint instanceof IJavaBreakpoint jb) {
            try {
                if (jb.getSuspendPolicy() != IJavaBreakpoint.SUSPEND_THREAD) {
                    jb.setSuspendPolicy(IJavaBreakpoint.SUSPEND_THREAD);
                }
            } catch (CoreException e) {
                ILog.of(ThreadSuspendPolicy.class).log(e.getStatus());
            }
        }
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        // nothing to do
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        // the user's own changes stand
    }
}
