// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

/**
 * What the two shared-memory ports share: each stands in for the kernel's port object only while created in the
 * partition's current start and only for a process the kernel has not stopped, and finds its mapped ends once.
 * Everything else a call needs is the port's own.
 */
abstract class MappedPort implements PartitionPorts.StandIn {
    final PartitionPorts ports;
    private boolean resolved;
    /** Handed out in an earlier start and not created again: every call goes to the kernel, which refuses it. */
    private volatile boolean stale;
    /** The port's entry in the plan once its ends are found; null before, or when this process does not serve it. */
    PortPlan.Entry entry;
    /** One message of the port's largest size, copied out of the mapping before the caller sees it. */
    byte[] buffer;

    MappedPort(PartitionPorts ports) {
        this.ports = ports;
    }

    /** Looks the port's mapped ends up by its name (one kernel call) and keeps them; their entry, or null. */
    abstract PortPlan.Entry bind();

    /**
     * True when the call is served here. A stopped process's call goes to the kernel, which never serves it: its
     * thread unwinds there. Asked before the ends are looked up, as that lookup is a kernel call too.
     */
    final boolean servedHere() {
        return !stale && !ports.callerStopped() && resolve();
    }

    /** As {@link #servedHere}, for a call that only looks and never waits, served here for any process. */
    final boolean currentAndMapped() {
        return !stale && resolve();
    }

    @Override
    public final void stale() {
        stale = true;
    }

    @Override
    public final void created() {
        stale = false;
    }

    @Override
    public final synchronized void prepare() {
        resolve();
    }

    /**
     * Finds the port's mapped ends once (at the port's creation, see {@link #prepare}, else at its first call); false
     * when not served here.
     */
    private boolean resolve() {
        if (!resolved) {
            resolved = true;
            PortPlan.Entry e = bind();
            if (e != null) {
                buffer = new byte[e.maxMessageSize()];
                entry = e;
            }
        }
        return entry != null;
    }
}
