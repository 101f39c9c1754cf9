// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;

import org.orrery.os.bsp.hosted.linux.NetNamespaces;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.PartitionConfig;

/**
 * Starts each partition JVM of a board whose partitions run as users of their own in a network namespace of its own,
 * with its loopback as its only interface: it reaches none of the board's networks (no connection out, no port open
 * to them) and no other partition's loopback. The verifier already refuses {@code java.net} in partition code; this
 * holds for whatever it cannot see. A partition's link to the board and its ports are files (a Unix socket by path,
 * shared memory), which a network namespace does not hide.
 */
final class PartitionNetwork implements PartitionProcesses.Launcher, AutoCloseable {
    private final NetNamespaces namespaces;
    private final PartitionProcesses.Launcher inner;

    private PartitionNetwork(NetNamespaces namespaces, PartitionProcesses.Launcher inner) {
        this.namespaces = namespaces;
        this.inner = inner;
    }

    /**
     * Starts partitions with {@code inner} in namespaces of their own; a machine that cannot make one refuses the
     * board here, in one line, before any partition starts.
     */
    static PartitionNetwork around(PartitionProcesses.Launcher inner) throws BoardUnavailableException {
        NetNamespaces ns = NetNamespaces.open("orrery-partition-netns");
        try {
            ns.inNew(() -> null);
        } catch (Exception e) {
            ns.close();
            throw new BoardUnavailableException("partitions run as users of their own but cannot be given network "
                    + "namespaces of their own: " + e.getMessage(), e);
        }
        return new PartitionNetwork(ns, inner);
    }

    @Override
    public Process start(PartitionConfig partition, ProcessBuilder builder) throws IOException {
        try {
            return namespaces.inNew(() -> inner.start(partition, builder));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("partition " + partition.name() + " gets no network namespace of its own: "
                    + e.getMessage(), e);
        }
    }

    /** The board report's line on the partitions' network, {@code network} being null for a board without one. */
    static String describe(PartitionNetwork network) {
        return network != null ? "partition network: a namespace of its own for each partition JVM, loopback only"
                : "partition network: the board's (partitions get namespaces of their own only as users of their own)";
    }

    @Override
    public void close() {
        namespaces.close();
    }
}
