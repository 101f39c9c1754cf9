// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.ILaunchesListener2;
import org.orrery.os.agent.client.DebugPort;

/**
 * Closes an attach launch's tunnel when the launch ends (disconnected, terminated, the board ended the session) or
 * is removed: no local port to a partition stays open once the Debug view no longer shows the launch.
 */
final class TunnelCloser implements ILaunchesListener2 {

    private final ILaunch launch;
    private final DebugPort port;

    private TunnelCloser(ILaunch launch, DebugPort port) {
        this.launch = launch;
        this.port = port;
    }

    static void closeWith(ILaunch launch, DebugPort port) {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        TunnelCloser closer = new TunnelCloser(launch, port);
        manager.addLaunchListener(closer);
        if (launch.isTerminated()) { // ended before the listener was there
            closer.close();
        }
    }

    @Override
    public void launchesTerminated(ILaunch[] launches) {
        ends(launches);
    }

    @Override
    public void launchesRemoved(ILaunch[] launches) {
        ends(launches);
    }

    @Override
    public void launchesAdded(ILaunch[] launches) {
        // nothing to do
    }

    @Override
    public void launchesChanged(ILaunch[] launches) {
        // a debug target being added is a change: only its end matters
    }

    private void ends(ILaunch[] launches) {
        for (ILaunch l : launches) {
            if (l == launch) {
                close();
                return;
            }
        }
    }

    private void close() {
        DebugPlugin.getDefault().getLaunchManager().removeLaunchListener(this);
        port.close();
    }
}
