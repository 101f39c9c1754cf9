// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.bsp.hosted.shm.QueueRing;
import org.orrery.os.bsp.hosted.shm.SendOutcome;
import org.orrery.os.bsp.hosted.shm.TrafficCounter;
import org.orrery.os.config.OverflowPolicy;

/**
 * A queuing port served from shared memory in the partition's own process: a source sends into the ring of each of
 * its channel's destinations (one ring per destination, as the kernel keeps one FIFO each), a destination takes from
 * its own ring (mapped read-only; its read index lives in its consumer region). Overflow policies and return values
 * are the kernel's: BLOCK waits until every destination has room or the timeout passes (false), DROP_NEWEST leaves a
 * full destination out (false), DROP_OLDEST overwrites its oldest message (true); a destination's
 * {@link #overflowed()} says whether it lost messages since it last asked.
 *
 * <p><b>Blocking.</b> A call that finds room (or a message) never involves the kernel. One that must wait makes the
 * same call of the kernel's port with what is left of its timeout: the kernel knows the port is served here
 * ({@code PortStorage.external}) and only blocks the process in the port's own wait queue, with its scheduler, its
 * timeout and its window edges, until the board's futex watcher ({@link PortWatch}) sees a message or room, or the
 * timeout passes; the call then looks at the rings again. Every send wakes the watcher of its destinations' receivers
 * and every receive the watcher of the source's senders, with a system call only while a process waits.
 *
 * <p>Calls the kernel would refuse (wrong direction, bad length, buffer or timeout, a timeout during initialisation)
 * go to the kernel's own port object
 * for its refusal. Processes of one partition may share a port: calls are serialised on it (a waiting call lets go).
 */
final class ShmQueuingPort extends MappedPort implements QueuingPort {
    private final QueuingPort kernel;
    private QueueRing[] rings;
    private TrafficCounter traffic;
    /** Losses this destination's overflowed() has already reported (the first call reports any since the start). */
    private long lostReported;
    /** Restarts of the partition that emptied this destination, as far as {@link #overflowed()} has seen. */
    private long resetsSeen;

    ShmQueuingPort(QueuingPort kernel, Partition partition, PartitionPorts ports) {
        super(ports);
        this.kernel = kernel;
    }

    @Override
    public QueuingPortRef ref() {
        return kernel.ref();
    }

    @Override
    public boolean send(byte[] data, int length, long timeoutNs) {
        long deadline = deadline(timeoutNs);
        while (true) {
            synchronized (this) {
                if (!servedHere() || !entry.source() || data == null || length < 1 || length > entry.maxMessageSize()
                        || length > data.length || timeoutNs < 0 || timeoutNs > 0 && ports.initialising()) {
                    return kernel.send(data, length, timeoutNs);
                }
                if (entry.policy() != OverflowPolicy.BLOCK || allHaveRoom()) {
                    return sendNow(data, length);
                }
                if (timeoutNs == 0 || System.nanoTime() - deadline >= 0) {
                    for (QueueRing r : rings) {
                        if (r.full()) {
                            r.countOverflow(); // kept out: the kernel traces it as an overflow of that destination
                        }
                    }
                    return false;
                }
            }
            kernel.send(data, length, left(deadline)); // waits in the kernel until room or the timeout
        }
    }

    private boolean sendNow(byte[] data, int length) {
        long now = ports.boardTime(System.nanoTime());
        boolean delivered = true;
        for (QueueRing r : rings) {
            SendOutcome o = r.send(data, length, now);
            if (o == SendOutcome.FULL) {
                delivered = false; // DROP_NEWEST: counted by the ring
            } else if (o == SendOutcome.SENT_DROPPED_OLDEST) {
                r.countOverflow();
            }
        }
        traffic.counted(length);
        for (QueueRing r : rings) {
            r.wakeReceivers();
        }
        return delivered;
    }

    private boolean allHaveRoom() {
        for (QueueRing r : rings) {
            if (r.full()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean receive(Message into, long timeoutNs) {
        long deadline = deadline(timeoutNs);
        while (true) {
            synchronized (this) {
                if (!servedHere() || entry.source() || into == null || into.data().length < entry.maxMessageSize()
                        || timeoutNs < 0 || timeoutNs > 0 && ports.initialising()) {
                    return kernel.receive(into, timeoutNs);
                }
                int n;
                do {
                    n = rings[0].receive(buffer);
                } while (n == QueueRing.BUSY);
                if (n >= 0) {
                    System.arraycopy(buffer, 0, into.data(), 0, n);
                    into.filled(n, true, rings[0].timestampNs());
                    traffic.counted(n);
                    rings[0].wakeSenders();
                    return true;
                }
                if (timeoutNs == 0 || System.nanoTime() - deadline >= 0) {
                    return false;
                }
            }
            kernel.receive(into, left(deadline)); // waits in the kernel until a message or the timeout
        }
    }

    @Override
    public synchronized int pending() {
        if (!currentAndMapped()) {
            return kernel.pending();
        }
        return entry.source() ? 0 : rings[0].pending();
    }

    @Override
    public synchronized boolean overflowed() {
        if (!servedHere() || entry.source()) {
            return kernel.overflowed();
        }
        long resets = rings[0].resets();
        if (resets != resetsSeen) {
            resetsSeen = resets; // a warm restart emptied the queue: losses count from 0 again
            lostReported = 0;
        }
        long lost = rings[0].lostSoFar();
        boolean overflowed = lost != lostReported;
        lostReported = lost;
        return overflowed;
    }

    /** CLOCK_MONOTONIC deadline of a timeout ({@link Partition#INFINITE}: never). */
    private static long deadline(long timeoutNs) {
        long now = System.nanoTime();
        return timeoutNs == Partition.INFINITE || now + timeoutNs < now ? Long.MAX_VALUE : now + timeoutNs;
    }

    /** What is left of a timeout at its deadline ({@link Partition#INFINITE} for none). */
    private static long left(long deadline) {
        return deadline == Long.MAX_VALUE ? Partition.INFINITE : Math.max(1, deadline - System.nanoTime());
    }

    @Override
    PortPlan.Entry bind() {
        PartitionPorts.QueueEnd end = ports.queueEnd(kernel.ref().name());
        if (end == null) {
            return null;
        }
        rings = end.rings();
        traffic = end.traffic();
        return end.entry();
    }
}
