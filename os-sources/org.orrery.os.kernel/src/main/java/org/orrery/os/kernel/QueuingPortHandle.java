// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Message;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.trace.TraceEventType;

/**
 * A queuing port. A send goes straight into every destination's FIFO; when one is full the channel's
 * policy decides: BLOCK waits (up to the timeout) until every destination has room, DROP_NEWEST drops the
 * new message at the full destinations, DROP_OLDEST makes room by dropping their oldest. One convention for
 * the trace: every message a full queue keeps out (dropped, or not sent when a BLOCK send times out) is one
 * PORT_OVERFLOW naming the destination partition and port whose queue was full, on the sender's core. A
 * destination that lost a message also raises its overflow indication ({@link #overflowed()}).
 */
final class QueuingPortHandle implements QueuingPort {
    private final CallGate gate;
    private final int index;
    private final PortConfig config;
    private final QueuingPortRef ref;
    private final Channels.QueueSlot slot;
    private final Channels.Queuing channel;

    QueuingPortHandle(CallGate gate, int index, PortConfig config, Channels.QueueSlot slot,
            Channels.Queuing channel) {
        this.gate = gate;
        this.index = index;
        this.config = config;
        this.ref = new QueuingPortRef(config.name(), index);
        this.slot = slot;
        this.channel = channel;
    }

    @Override
    public QueuingPortRef ref() {
        return ref;
    }

    private void check(Proc c, PortDirection direction, long timeoutNs) {
        if (!gate.part.portCreated[index]) {
            throw gate.refuse(c, "port " + config.name() + " was not created");
        }
        if (config.direction() != direction) {
            throw gate.refuse(c, "port " + config.name() + " is a " + config.direction() + " port");
        }
        gate.checkTimeout(c, timeoutNs);
    }

    @Override
    public boolean send(byte[] data, int length, long timeoutNs) {
        Proc c = gate.enter();
        try {
            check(c, PortDirection.SOURCE, timeoutNs);
            gate.checkMessage(c, data, length, config.maxMessageSize());
            Module m = gate.m;
            int core = gate.part.traceCore();
            if (channel == null) {
                m.trace(core, TraceEventType.PORT_SEND, gate.part.index, index, length);
                return true;
            }
            if (m.portStorage.external(gate.part.index, index)) {
                return waitOutside(c, channel.senders, timeoutNs);
            }
            boolean delivered = true;
            if (channel.policy == OverflowPolicy.BLOCK) {
                long deadline = gate.deadline(timeoutNs);
                while (!allHaveRoom()) {
                    if (timeoutNs == 0 || m.now >= deadline) {
                        traceFullDestinations();
                        return false;
                    }
                    m.control.await(c, channel.senders, deadline);
                }
            }
            for (Channels.QueueSlot d : channel.dests) {
                if (d.ring.full()) {
                    m.trace(gate.part.traceCore(), TraceEventType.PORT_OVERFLOW, d.part.index, d.port, 1);
                    d.overflowed = true;
                    if (channel.policy == OverflowPolicy.DROP_NEWEST) {
                        delivered = false;
                        continue;
                    }
                    d.ring.dropOldest();
                }
                d.ring.put(data, length, m.now);
                m.control.notifyOne(d.receivers);
            }
            m.trace(gate.part.traceCore(), TraceEventType.PORT_SEND, gate.part.index, index, length);
            m.control.preemptIfNeeded(c);
            return delivered;
        } finally {
            gate.leave();
        }
    }

    /**
     * The board passes this port's messages itself ({@link PortStorage#external}): the call only waits here, in the
     * port's wait queue, until the board says the port is ready (true) or the timeout passes (false).
     */
    private boolean waitOutside(Proc c, WaitQueue q, long timeoutNs) {
        Module m = gate.m;
        long deadline = gate.deadline(timeoutNs);
        while (!m.portStorage.ready(gate.part.index, index)) {
            if (timeoutNs == 0 || m.now >= deadline) {
                return false;
            }
            m.portStorage.waiting(gate.part.index, index);
            m.control.await(c, q, deadline);
        }
        return true;
    }

    /** A BLOCK send gave up: the full destinations kept the message out (nothing was lost there). */
    private void traceFullDestinations() {
        for (Channels.QueueSlot d : channel.dests) {
            if (d.ring.full()) {
                gate.m.trace(gate.part.traceCore(), TraceEventType.PORT_OVERFLOW, d.part.index, d.port, 1);
            }
        }
    }

    private boolean allHaveRoom() {
        for (Channels.QueueSlot d : channel.dests) {
            if (d.ring.full()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean receive(Message into, long timeoutNs) {
        Proc c = gate.enter();
        try {
            check(c, PortDirection.DESTINATION, timeoutNs);
            if (into == null || into.data().length < config.maxMessageSize()) {
                throw gate.refuse(c, "receive buffer smaller than the port's " + config.maxMessageSize() + " bytes");
            }
            Module m = gate.m;
            if (m.portStorage.external(gate.part.index, index)) {
                return waitOutside(c, slot.receivers, timeoutNs);
            }
            long deadline = gate.deadline(timeoutNs);
            while (slot.ring.size() == 0) {
                if (timeoutNs == 0 || m.now >= deadline) {
                    return false;
                }
                m.control.await(c, slot.receivers, deadline);
            }
            int len = slot.ring.take(into);
            m.trace(gate.part.traceCore(), TraceEventType.PORT_RECEIVE, gate.part.index, index, len);
            if (slot.channel != null) {
                m.control.notifyAll(slot.channel.senders);
            }
            m.control.preemptIfNeeded(c);
            return true;
        } finally {
            gate.leave();
        }
    }

    @Override
    public boolean overflowed() {
        Proc c = gate.enter();
        try {
            check(c, PortDirection.DESTINATION, 0);
            boolean lost = slot.overflowed;
            slot.overflowed = false;
            return lost;
        } finally {
            gate.leave();
        }
    }

    @Override
    public int pending() {
        Proc c = gate.enter();
        try {
            // Like every other call on this handle: a port of an earlier start is refused until created again.
            if (!gate.part.portCreated[index]) {
                throw gate.refuse(c, "port " + config.name() + " was not created");
            }
            return slot == null ? 0 : slot.ring.size();
        } finally {
            gate.leave();
        }
    }
}
