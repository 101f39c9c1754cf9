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
final class ShmSamplingPort extends MappedPort implements SamplingPort {
    private final SamplingPort kernel;
    private SamplingSlot slot;
    private TrafficCounter reads;

    ShmSamplingPort(SamplingPort kernel, PartitionPorts ports) {
        super(ports);
        this.kernel = kernel;
    }

    @Override
    public SamplingPortRef ref() {
        return kernel.ref();
    }

    @Override
    public synchronized void write(byte[] data, int length) {
        if (!servedHere() || !entry.source() || data == null || length < 1 || length > entry.maxMessageSize()
                || length > data.length) {
            kernel.write(data, length);
            return;
        }
        slot.write(data, length, System.nanoTime());
    }

    @Override
    public synchronized boolean read(Message into) {
        if (!servedHere() || entry.source() || into == null || into.data().length < entry.maxMessageSize()) {
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
    PortPlan.Entry bind() {
        PartitionPorts.SamplingEnd end = ports.samplingEnd(kernel.ref().name());
        if (end == null) {
            return null;
        }
        slot = end.slot();
        reads = end.reads();
        return end.entry();
    }
}
