// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.util.ArrayList;
import java.util.List;

import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.PortStorage;

/**
 * A partition's own kernel's side of its ports in shared memory (a partition process with a kernel of its own): the
 * kernel passes no message of them, its queuing ports are served from the rings this process mapped
 * ({@link PartitionPorts}), and a process that must wait on one waits in the kernel's queue of the port while a futex
 * watcher of this process looks at the ring, as the board process does for partitions without kernels of their own
 * ({@link BoardPorts}). A restart of the partition here (a warm start) empties its destinations at the same instant;
 * a cold start is the module's, which empties them then.
 */
public final class OwnPorts implements PortStorage {
    private final int partition;
    /** The watchers of each queuing port of the partition, by port index (null for the others). */
    private final PortWatch[][] watches;
    private final List<PortWatch> all = new ArrayList<>();
    private final List<Runnable> emptiers = new ArrayList<>();
    /**
     * Off until the kernel has booted: its boot starts the partition afresh, which would empty the destinations, but
     * the module emptied them when it cold started the partition, and a neighbour may have sent since.
     */
    private volatile boolean started;

    private OwnPorts(PartitionConfig partition) {
        this.partition = partition.index();
        this.watches = new PortWatch[partition.ports().size()][];
    }

    /** The ports of {@code partition} that {@code mapped} serves in this process. */
    public static OwnPorts of(PartitionPorts mapped, PartitionConfig partition) {
        OwnPorts own = new OwnPorts(partition);
        for (int i = 0; i < partition.ports().size(); i++) {
            PortConfig port = partition.ports().get(i);
            PartitionPorts.QueueEnd q = mapped.queueEnd(port.name());
            if (q != null) {
                PortWatch[] w = new PortWatch[q.rings().length];
                for (int r = 0; r < w.length; r++) {
                    w[r] = new PortWatch(q.rings()[r], !q.entry().source(), own.partition, i);
                    own.all.add(w[r]);
                }
                own.watches[i] = w;
                if (!q.entry().source()) {
                    own.emptiers.add(q.rings()[0]::clear);
                }
            }
            PartitionPorts.SamplingEnd s = mapped.samplingEnd(port.name());
            if (s != null && s.reads() != null) {
                own.emptiers.add(() -> s.reads().emptied(s.slot().latest()));
            }
        }
        return own;
    }

    /** Starts the watchers: each tells {@code kernel} when a port its processes wait on is ready. */
    public void start(Kernel kernel) {
        started = true;
        for (PortWatch w : all) {
            w.start(kernel::portReady, () -> { });
        }
    }

    @Override
    public boolean external(int p, int port) {
        return p == partition && watches[port] != null;
    }

    @Override
    public boolean ready(int p, int port) {
        for (PortWatch w : watches[port]) {
            if (!w.ready()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void waiting(int p, int port) {
        for (PortWatch w : watches[port]) {
            w.arm();
        }
    }

    @Override
    public void emptied(int p) {
        if (p == partition && started) {
            for (Runnable r : emptiers) {
                r.run();
            }
        }
    }
}
