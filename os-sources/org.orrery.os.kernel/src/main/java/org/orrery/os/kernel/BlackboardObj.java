// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Message;
import org.orrery.os.api.QueuingDiscipline;

/** Intra-partition blackboard: one displayed message, readers wait while it is empty. */
final class BlackboardObj extends IntraObject implements Blackboard {
    private final byte[] data;
    private final WaitQueue readers;
    private int length;
    private long time;
    private boolean shown;

    BlackboardObj(PartitionApi api, String name, int maxMessageSize) {
        super(api, name);
        this.data = new byte[maxMessageSize];
        this.readers = new WaitQueue(api.part.all.length, QueuingDiscipline.FIFO);
    }

    private Proc enter(long timeoutNs) {
        Proc c = api.enter();
        try {
            if (generation != api.part.generation) {
                throw api.refuse(c, "blackboard " + name + " belongs to an earlier start of the partition");
            }
            api.checkTimeout(c, timeoutNs);
        } catch (RuntimeException | Error e) {
            api.leave();
            throw e;
        }
        return c;
    }

    @Override
    public void display(byte[] message, int len) {
        Proc c = enter(0);
        try {
            api.checkMessage(c, message, len, data.length);
            System.arraycopy(message, 0, data, 0, len);
            length = len;
            time = api.m.now;
            shown = true;
            api.m.control.notifyAll(readers);
            api.m.control.preemptIfNeeded(c);
        } finally {
            api.leave();
        }
    }

    @Override
    public void clear() {
        enter(0);
        try {
            shown = false;
        } finally {
            api.leave();
        }
    }

    @Override
    public boolean read(Message into, long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            if (into == null || into.data().length < data.length) {
                throw api.refuse(c, "receive buffer smaller than " + data.length + " bytes");
            }
            long deadline = api.deadline(timeoutNs);
            while (!shown) {
                if (timeoutNs == 0 || api.m.now >= deadline) {
                    return false;
                }
                api.m.control.await(c, readers, deadline);
            }
            System.arraycopy(data, 0, into.data(), 0, length);
            into.filled(length, true, time);
            return true;
        } finally {
            api.leave();
        }
    }

    @Override
    void discardWaiters() {
        shown = false;
        readers.clear();
    }
}
