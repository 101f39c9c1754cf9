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

    BufferObj(PartitionApi api, String name, int maxMessageSize, int depth, QueuingDiscipline discipline) {
        super(api, name);
        this.maxMessageSize = maxMessageSize;
        this.ring = new MessageRing(depth, maxMessageSize);
        this.senders = new WaitQueue(api.part.all.length, discipline);
        this.receivers = new WaitQueue(api.part.all.length, discipline);
    }

    private Proc enter(long timeoutNs) {
        Proc c = api.enter();
        try {
            if (generation != api.part.generation) {
                throw api.refuse(c, "buffer " + name + " belongs to an earlier start of the partition");
            }
            api.checkTimeout(c, timeoutNs);
        } catch (RuntimeException | Error e) {
            api.leave();
            throw e;
        }
        return c;
    }

    @Override
    public boolean send(byte[] data, int length, long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            api.checkMessage(c, data, length, maxMessageSize);
            long deadline = api.deadline(timeoutNs);
            while (ring.full()) {
                if (timeoutNs == 0 || api.m.now >= deadline) {
                    return false;
                }
                api.m.control.await(c, senders, deadline);
            }
            ring.put(data, length, api.m.now);
            api.m.control.notifyOne(receivers);
            api.m.control.preemptIfNeeded(c);
            return true;
        } finally {
            api.leave();
        }
    }

    @Override
    public boolean receive(Message into, long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            if (into == null || into.data().length < maxMessageSize) {
                throw api.refuse(c, "receive buffer smaller than " + maxMessageSize + " bytes");
            }
            long deadline = api.deadline(timeoutNs);
            while (ring.size() == 0) {
                if (timeoutNs == 0 || api.m.now >= deadline) {
                    return false;
                }
                api.m.control.await(c, receivers, deadline);
            }
            ring.take(into);
            api.m.control.notifyOne(senders);
            api.m.control.preemptIfNeeded(c);
            return true;
        } finally {
            api.leave();
        }
    }

    @Override
    public int pending() {
        Proc c = enter(0);
        try {
            return ring.size();
        } finally {
            api.leave();
        }
    }

    @Override
    void discardWaiters() {
        ring.clear();
        senders.clear();
        receivers.clear();
    }
}
