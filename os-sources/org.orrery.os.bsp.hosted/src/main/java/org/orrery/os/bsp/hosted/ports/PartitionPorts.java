// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.orrery.os.api.Partition;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.partition.LocalPorts;

/**
 * The hosted board's ports inside a partition process (named to the partition runtime by
 * {@link LocalPorts#PROPERTY}): each port on a channel becomes a {@link ShmSamplingPort} or {@link ShmQueuingPort}
 * that maps the channel's regions the first time a process uses it. The plan comes from the kernel in system properties.
 */
public final class PartitionPorts implements LocalPorts {
    private final PortPlan plan;
    /** CLOCK_MONOTONIC at board time 0 once the schedule started; read from the board's clock file until then. */
    private volatile long origin = -1;

    public PartitionPorts() {
        this(PortPlan.fromProperties());
    }

    PartitionPorts(PortPlan plan) {
        this.plan = plan;
    }

    @Override
    public SamplingPort sampling(SamplingPort kernelPort) {
        return plan.entries().isEmpty() ? kernelPort : new ShmSamplingPort(kernelPort, this);
    }

    @Override
    public QueuingPort queuing(QueuingPort kernelPort, Partition partition) {
        return plan.entries().isEmpty() ? kernelPort : new ShmQueuingPort(kernelPort, partition, this);
    }

    PortPlan plan() {
        return plan;
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
