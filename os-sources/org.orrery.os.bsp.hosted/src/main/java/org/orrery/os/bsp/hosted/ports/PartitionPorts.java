// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.orrery.os.api.Partition;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.bsp.hosted.shm.PortRegion;
import org.orrery.os.bsp.hosted.shm.QueueRing;
import org.orrery.os.bsp.hosted.shm.RegionSpec;
import org.orrery.os.bsp.hosted.shm.SamplingSlot;
import org.orrery.os.bsp.hosted.shm.ShmException;
import org.orrery.os.bsp.hosted.shm.TrafficCounter;
import org.orrery.os.bsp.hosted.shm.WarmUp;
import org.orrery.os.partition.LocalPorts;

/**
 * The hosted board's ports inside a partition process (named to the partition runtime by
 * {@link LocalPorts#PROPERTY}): each port on a channel becomes a {@link ShmSamplingPort} or {@link ShmQueuingPort}.
 * The plan comes from the kernel in system properties; every region of it is mapped, and the access paths warmed,
 * when the process starts, before it connects to the kernel: none of that is charged to a process's window or
 * deadline.
 */
public final class PartitionPorts implements LocalPorts {
    /** A sampling port's mapped ends: the slot, and a destination's read counter (null for the source). */
    record SamplingEnd(PortPlan.Entry entry, SamplingSlot slot, TrafficCounter reads) {
    }

    /** A queuing port's mapped ends: the source's ring per destination, or a destination's own ring. */
    record QueueEnd(PortPlan.Entry entry, QueueRing[] rings, TrafficCounter traffic) {
    }

    private final PortPlan plan;
    private final Map<String, Object> ends = new HashMap<>();
    private final java.util.List<StandIn> standIns = new java.util.ArrayList<>();
    /** CLOCK_MONOTONIC at board time 0 once the schedule started; read from the board's clock file until then. */
    private volatile long origin = -1;
    private volatile LocalPorts.Caller caller;

    public PartitionPorts() {
        this(PortPlan.fromProperties());
    }

    PartitionPorts(PortPlan plan) {
        this.plan = plan;
        if (plan.entries().isEmpty()) {
            return;
        }
        WarmUp.run();
        for (PortPlan.Entry e : plan.entries()) {
            try {
                ends.put(e.port(), e.queuing() ? queue(e) : sampling(e));
            } catch (ShmException ex) {
                throw new IllegalStateException("port " + e.port() + ": " + ex.getMessage(), ex);
            }
        }
    }

    private static SamplingEnd sampling(PortPlan.Entry e) throws ShmException {
        RegionSpec spec = RegionSpec.sampling(e.maxMessageSize());
        if (e.source()) {
            SamplingSlot slot = SamplingSlot.writer(PortRegion.openReadWrite(e.messages().get(0), spec));
            slot.latestLength();
            return new SamplingEnd(e, slot, null);
        }
        SamplingSlot slot = SamplingSlot.reader(PortRegion.openReadOnly(e.messages().get(0), spec));
        slot.read(new byte[e.maxMessageSize()]);
        TrafficCounter reads = TrafficCounter.writer(PortRegion.openReadWrite(e.traffic(),
                RegionSpec.traffic(e.maxMessageSize())));
        reads.reads();
        return new SamplingEnd(e, slot, reads);
    }

    private static QueueEnd queue(PortPlan.Entry e) throws ShmException {
        int max = e.maxMessageSize();
        QueueRing[] rings = new QueueRing[e.messages().size()];
        for (int i = 0; i < rings.length; i++) {
            RegionSpec ring = RegionSpec.queue(max, e.depths().get(i));
            RegionSpec consumer = RegionSpec.consumer(max, e.depths().get(i));
            rings[i] = e.source()
                    ? QueueRing.source(PortRegion.openReadWrite(e.messages().get(i), ring),
                            PortRegion.openReadOnly(e.consumers().get(i), consumer), e.policy())
                    : QueueRing.destination(PortRegion.openReadOnly(e.messages().get(i), ring),
                            PortRegion.openReadWrite(e.consumers().get(i), consumer));
            rings[i].full();
            rings[i].lostSoFar();
        }
        TrafficCounter traffic = TrafficCounter.writer(PortRegion.openReadWrite(e.traffic(), RegionSpec.traffic(max)));
        traffic.reads();
        return new QueueEnd(e, rings, traffic);
    }

    @Override
    public SamplingPort sampling(SamplingPort kernelPort) {
        return ends.isEmpty() ? kernelPort : standIn(new ShmSamplingPort(kernelPort, this));
    }

    @Override
    public QueuingPort queuing(QueuingPort kernelPort, Partition partition) {
        return ends.isEmpty() ? kernelPort : standIn(new ShmQueuingPort(kernelPort, partition, this));
    }

    private <T extends StandIn> T standIn(T port) {
        synchronized (standIns) {
            standIns.add(port);
        }
        return port;
    }

    @Override
    public void restarted() {
        synchronized (standIns) {
            for (StandIn s : standIns) {
                s.stale();
            }
        }
    }

    @Override
    public void created(Object port) {
        if (port instanceof StandIn s) {
            s.created();
        }
    }

    @Override
    public void prepare(Object port) {
        if (port instanceof StandIn s) {
            s.prepare();
        }
    }

    /** A port object of this process, served here only while created in the partition's current start. */
    interface StandIn {
        void stale();

        void created();

        /** Finds the port's mapped ends now (one kernel call), so that no process's first call has to. */
        void prepare();
    }

    @Override
    public void attach(LocalPorts.Caller caller) {
        this.caller = caller;
    }

    /** True on the thread running the partition's initialisation (the kernel refuses a call there that may block). */
    boolean initialising() {
        LocalPorts.Caller c = caller;
        return c != null && c.initialising();
    }

    /** True when the kernel stopped the calling thread's process: the kernel's object must take the call. */
    boolean callerStopped() {
        LocalPorts.Caller c = caller;
        return c != null && c.stopped();
    }

    /** The mapped sampling port of that name, or null when it is not served here. */
    SamplingEnd samplingEnd(String port) {
        return ends.get(port) instanceof SamplingEnd s ? s : null;
    }

    /** The mapped queuing port of that name, or null when it is not served here. */
    QueueEnd queueEnd(String port) {
        return ends.get(port) instanceof QueueEnd q ? q : null;
    }

    /**
     * Board time of a CLOCK_MONOTONIC instant, as the kernel's clock gives it: 0 before the schedule starts (the
     * kernel writes its origin when it does).
     */
    long boardTime(long monotonicNs) {
        long o = origin;
        if (o < 0) {
            o = readOrigin();
            if (o < 0) {
                return 0;
            }
            origin = o;
        }
        return Math.max(0, monotonicNs - o);
    }

    private long readOrigin() {
        Path f = plan.clock();
        if (f == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(f).trim());
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(f + ": unreadable board clock: " + e.getMessage(), e);
        }
    }
}
