// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;

/**
 * Inter-partition channels, built at boot: every destination port owns its storage (the latest message
 * of a sampling port, the FIFO of a queuing port), and a source port knows its destinations, so a
 * write copies straight into them. Ports without a channel still work: writes go nowhere, reads find
 * nothing.
 */
final class Channels {
    /** Storage of one sampling destination. */
    static final class SamplingSlot {
        final byte[] data;
        final long refresh;
        int length;
        long time;
        boolean written;

        SamplingSlot(PortConfig port) {
            data = new byte[(int) port.maxMessageSize()];
            refresh = port.refreshPeriodNs();
        }
    }

    /** Storage and readers of one queuing destination. */
    static final class QueueSlot {
        final PartitionRt part;
        final int port;
        final MessageRing ring;
        final WaitQueue receivers;
        /** The channel feeding this port (its senders wait for room here); null without a channel. */
        Queuing channel;
        /** A message bound for this port was dropped since the receiver last asked. */
        boolean overflowed;

        QueueSlot(PartitionRt part, int port, PortConfig config) {
            this.part = part;
            this.port = port;
            ring = new MessageRing(config.queueDepth(), (int) config.maxMessageSize());
            receivers = new WaitQueue(part.all.length, QueuingDiscipline.FIFO);
        }
    }

    /** A queuing channel: policy, destinations and blocked senders. */
    static final class Queuing {
        final OverflowPolicy policy;
        final QueueSlot[] dests;
        final WaitQueue senders;

        Queuing(OverflowPolicy policy, QueueSlot[] dests, int senderCapacity) {
            this.policy = policy;
            this.dests = dests;
            this.senders = new WaitQueue(senderCapacity, QueuingDiscipline.FIFO);
        }
    }

    final SamplingSlot[][] samplingSlots;
    final SamplingSlot[][][] samplingTargets;
    final QueueSlot[][] queueSlots;
    final Queuing[][] queuingSources;
    private final Module m;

    Channels(Module m) {
        this.m = m;
        int n = m.partitions.length;
        samplingSlots = new SamplingSlot[n][];
        samplingTargets = new SamplingSlot[n][][];
        queueSlots = new QueueSlot[n][];
        queuingSources = new Queuing[n][];
        for (PartitionRt p : m.partitions) {
            int np = p.config.ports().size();
            samplingSlots[p.index] = new SamplingSlot[np];
            queueSlots[p.index] = new QueueSlot[np];
            samplingTargets[p.index] = new SamplingSlot[np][];
            queuingSources[p.index] = new Queuing[np];
            for (int i = 0; i < np; i++) {
                PortConfig port = p.config.ports().get(i);
                if (port.direction() == PortDirection.DESTINATION) {
                    if (port.kind() == PortKind.SAMPLING) {
                        samplingSlots[p.index][i] = new SamplingSlot(port);
                    } else {
                        queueSlots[p.index][i] = new QueueSlot(p, i, port);
                    }
                }
            }
        }
        for (ChannelConfig ch : m.config.channels()) {
            int sp = m.config.partitionIndex(ch.source().partition());
            int sport = m.partitions[sp].config.portIndex(ch.source().port());
            int nd = ch.destinations().size();
            if (ch.kind() == PortKind.SAMPLING) {
                SamplingSlot[] targets = new SamplingSlot[nd];
                for (int d = 0; d < nd; d++) {
                    int[] e = resolve(ch.destinations().get(d));
                    targets[d] = samplingSlots[e[0]][e[1]];
                }
                samplingTargets[sp][sport] = targets;
            } else {
                QueueSlot[] targets = new QueueSlot[nd];
                for (int d = 0; d < nd; d++) {
                    int[] e = resolve(ch.destinations().get(d));
                    targets[d] = queueSlots[e[0]][e[1]];
                }
                Queuing q = new Queuing(ch.overflow(), targets, m.partitions[sp].all.length);
                for (QueueSlot t : targets) {
                    t.channel = q;
                }
                queuingSources[sp][sport] = q;
            }
        }
    }

    /** Destinations of a sampling source (empty without a channel). */
    SamplingSlot[] samplingTargets(int partition, int port) {
        SamplingSlot[] t = samplingTargets[partition][port];
        return t == null ? NO_TARGETS : t;
    }

    private static final SamplingSlot[] NO_TARGETS = new SamplingSlot[0];

    private int[] resolve(PortEndpoint e) {
        int p = m.config.partitionIndex(e.partition());
        return new int[] {p, m.partitions[p].config.portIndex(e.port())};
    }

    void createHandles(PartitionRt p) {
        for (int i = 0; i < p.config.ports().size(); i++) {
            PortConfig port = p.config.ports().get(i);
            p.portHandles[i] = port.kind() == PortKind.SAMPLING
                    ? new SamplingPortHandle(p.gate, i, port, samplingSlots[p.index][i], samplingTargets(p.index, i))
                    : new QueuingPortHandle(p.gate, i, port, queueSlots[p.index][i], queuingSources[p.index][i]);
        }
    }

    /**
     * The board made an external port ready ({@link Kernel#portReady}): {@code count} receivers are woken first come,
     * first served (one per message, as a put wakes one), or every sender of a source (as a receive wakes them).
     * Returns whether processes still wait on the port.
     */
    boolean readyOutside(int partition, int port, int count) {
        QueueSlot dest = queueSlots[partition][port];
        Queuing source = queuingSources[partition][port];
        WaitQueue q = dest != null ? dest.receivers : source != null ? source.senders : null;
        if (q == null) {
            return false;
        }
        if (dest != null) {
            for (int i = 0; i < count; i++) {
                m.control.notifyOne(q);
            }
        } else {
            m.control.notifyAll(q);
        }
        m.executor.callMade();
        return !q.isEmpty();
    }

    /**
     * A restarting (or idled) partition's ports lose their messages and must be created again. Senders of other
     * partitions blocked on one of its full queues now find room: they are woken, as a receive would wake them.
     */
    void resetPartition(PartitionRt p) {
        java.util.Arrays.fill(p.portCreated, false);
        for (SamplingSlot s : samplingSlots[p.index]) {
            if (s != null) {
                s.written = false;
            }
        }
        for (QueueSlot q : queueSlots[p.index]) {
            if (q != null) {
                q.ring.clear();
                q.overflowed = false;
                if (q.channel != null) {
                    m.control.notifyAll(q.channel.senders);
                }
            }
        }
        m.portStorage.emptied(p.index);
    }
}
