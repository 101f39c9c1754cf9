// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import org.orrery.os.api.Message;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.bsp.hosted.shm.SamplingSlot;
import org.orrery.os.bsp.hosted.shm.TrafficCounter;

/**
 * A sampling port served from shared memory in the partition's own process: a source writes its channel's slot, a
 * destination reads it (mapped read-only) and judges validity by its refresh period on CLOCK_MONOTONIC, as the kernel
 * does in board time. Only the calls the kernel would accept are served here; everything else (a destination that
 * writes, a source that reads, a bad length or buffer, a port not on a channel) goes to the kernel's own port object,
 * so the refusal, its health-monitor report and the exception are the kernel's, as on the simulator.
 *
 * <p>The channel's regions are mapped when the process starts ({@link PartitionPorts}); the port asks the kernel once
 * for its name, when it is created. Processes of one partition may share a port: calls are serialised on it.
 */
final class ShmSamplingPort implements SamplingPort, PartitionPorts.StandIn {
    private final SamplingPort kernel;
    private final PartitionPorts ports;
    private boolean resolved;
    /** Handed out in an earlier start and not created again: every call goes to the kernel, which refuses it. */
    private volatile boolean stale;
    private PortPlan.Entry entry;
    private SamplingSlot slot;
    private TrafficCounter reads;
    private byte[] buffer;

    ShmSamplingPort(SamplingPort kernel, PartitionPorts ports) {
        this.kernel = kernel;
        this.ports = ports;
    }

    @Override
    public SamplingPortRef ref() {
        return kernel.ref();
    }

    @Override
    public synchronized void write(byte[] data, int length) {
        if (stale || ports.callerStopped() || !resolve() || !entry.source() || data == null || length < 1 || length > entry.maxMessageSize()
                || length > data.length) {
            kernel.write(data, length);
            return;
        }
        slot.write(data, length, System.nanoTime());
    }

    @Override
    public synchronized boolean read(Message into) {
        if (stale || ports.callerStopped() || !resolve() || entry.source() || into == null || into.data().length < entry.maxMessageSize()) {
            return kernel.read(into);
        }
        int n;
        do {
            // BUSY: the writer completed two messages during each of 64 copies; it cannot keep that up for long
            n = slot.read(buffer);
        } while (n == SamplingSlot.BUSY);
        if (n == SamplingSlot.NEVER_WRITTEN || slot.number() <= reads.emptiedUpTo()) {
            return false; // nothing written, or nothing since the partition's restart emptied the port
        }
        long now = System.nanoTime();
        System.arraycopy(buffer, 0, into.data(), 0, n);
        into.filled(n, SamplingSlot.isValid(now, slot.timestampNs(), entry.refreshNs()),
                ports.boardTime(slot.timestampNs()));
        reads.counted(n);
        return true;
    }

    @Override
    public void stale() {
        stale = true;
    }

    @Override
    public void created() {
        stale = false;
    }

    @Override
    public synchronized void prepare() {
        resolve();
    }

    /**
     * Finds the port's mapped ends once (one kernel call for its name: at the port's creation, see {@link #prepare},
     * else at its first call); false when not served here.
     */
    private boolean resolve() {
        if (!resolved) {
            resolved = true;
            PartitionPorts.SamplingEnd end = ports.samplingEnd(kernel.ref().name());
            if (end != null) {
                slot = end.slot();
                reads = end.reads();
                buffer = new byte[end.entry().maxMessageSize()];
                entry = end.entry();
            }
        }
        return entry != null;
    }
}
