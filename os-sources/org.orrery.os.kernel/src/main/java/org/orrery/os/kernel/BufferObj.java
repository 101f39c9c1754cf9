// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Buffer;
import org.orrery.os.api.Message;
import org.orrery.os.api.QueuingDiscipline;

/** Intra-partition message FIFO with blocking senders and receivers. */
final class BufferObj extends IntraObject implements Buffer {
    private final int maxMessageSize;
    private final MessageRing ring;
    private final WaitQueue senders;
    private final WaitQueue receivers;

    BufferObj(CallGate gate, String name, int maxMessageSize, int depth, QueuingDiscipline discipline) {
        super(gate, name, "buffer");
        this.maxMessageSize = maxMessageSize;
        this.ring = new MessageRing(depth, maxMessageSize);
        this.senders = new WaitQueue(gate.part.all.length, discipline);
        this.receivers = new WaitQueue(gate.part.all.length, discipline);
    }

    @Override
    public boolean send(byte[] data, int length, long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            gate.checkMessage(c, data, length, maxMessageSize);
            long deadline = gate.deadline(timeoutNs);
            while (ring.full()) {
                if (timeoutNs == 0 || gate.m.now >= deadline) {
                    return false;
                }
                gate.m.control.await(c, senders, deadline);
            }
            ring.put(data, length, gate.m.now);
            gate.m.control.notifyOne(receivers);
            gate.m.control.preemptIfNeeded(c);
            return true;
        } finally {
            gate.leave();
        }
    }

    @Override
    public boolean receive(Message into, long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            if (into == null || into.data().length < maxMessageSize) {
                throw gate.refuse(c, "receive buffer smaller than " + maxMessageSize + " bytes");
            }
            long deadline = gate.deadline(timeoutNs);
            while (ring.size() == 0) {
                if (timeoutNs == 0 || gate.m.now >= deadline) {
                    return false;
                }
                gate.m.control.await(c, receivers, deadline);
            }
            ring.take(into);
            gate.m.control.notifyOne(senders);
            gate.m.control.preemptIfNeeded(c);
            return true;
        } finally {
            gate.leave();
        }
    }

    @Override
    public int pending() {
        Proc c = enter(0);
        try {
            return ring.size();
        } finally {
            gate.leave();
        }
    }

    @Override
    void discardWaiters() {
        ring.clear();
        senders.clear();
        receivers.clear();
    }
}
