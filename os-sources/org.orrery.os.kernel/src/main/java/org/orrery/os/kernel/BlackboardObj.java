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

    BlackboardObj(CallGate gate, String name, int maxMessageSize) {
        super(gate, name, "blackboard");
        this.data = new byte[maxMessageSize];
        this.readers = new WaitQueue(gate.part.all.length, QueuingDiscipline.FIFO);
    }

    @Override
    public void display(byte[] message, int len) {
        Proc c = enter(0);
        try {
            gate.checkMessage(c, message, len, data.length);
            System.arraycopy(message, 0, data, 0, len);
            length = len;
            time = gate.m.now;
            shown = true;
            gate.m.control.notifyAll(readers);
            gate.m.control.preemptIfNeeded(c);
        } finally {
            gate.leave();
        }
    }

    @Override
    public void clear() {
        enter(0);
        try {
            shown = false;
        } finally {
            gate.leave();
        }
    }

    @Override
    public boolean read(Message into, long timeoutNs) {
        Proc c = enter(timeoutNs);
        try {
            if (into == null || into.data().length < data.length) {
                throw gate.refuse(c, "receive buffer smaller than " + data.length + " bytes");
            }
            long deadline = gate.deadline(timeoutNs);
            while (!shown) {
                if (timeoutNs == 0 || gate.m.now >= deadline) {
                    return false;
                }
                // Woken by display(): the reader gets a message even if a more urgent process cleared the board
                // before it ran (clear() keeps the bytes; a display() in between leaves the newer message).
                if (gate.m.control.await(c, readers, deadline)) {
                    break;
                }
            }
            System.arraycopy(data, 0, into.data(), 0, length);
            into.filled(length, true, time);
            return true;
        } finally {
            gate.leave();
        }
    }

    @Override
    void discardWaiters() {
        shown = false;
        readers.clear();
    }
}
