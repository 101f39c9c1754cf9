// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Message;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.trace.TraceEventType;

/** A sampling port: writes copy into every destination's slot; reads judge validity by refresh period. */
final class SamplingPortHandle implements SamplingPort {
    private final CallGate gate;
    private final int index;
    private final PortConfig config;
    private final SamplingPortRef ref;
    private final Channels.SamplingSlot slot;
    private final Channels.SamplingSlot[] targets;

    SamplingPortHandle(CallGate gate, int index, PortConfig config, Channels.SamplingSlot slot,
            Channels.SamplingSlot[] targets) {
        this.gate = gate;
        this.index = index;
        this.config = config;
        this.ref = new SamplingPortRef(config.name(), index);
        this.slot = slot;
        this.targets = targets;
    }

    @Override
    public SamplingPortRef ref() {
        return ref;
    }

    private void check(Proc c, PortDirection direction) {
        if (!gate.part.portCreated[index]) {
            throw gate.refuse(c, "port " + config.name() + " was not created");
        }
        if (config.direction() != direction) {
            throw gate.refuse(c, "port " + config.name() + " is a " + config.direction() + " port");
        }
    }

    @Override
    public void write(byte[] data, int length) {
        Proc c = gate.enter();
        try {
            check(c, PortDirection.SOURCE);
            gate.checkMessage(c, data, length, config.maxMessageSize());
            long now = gate.m.now;
            for (Channels.SamplingSlot t : targets) {
                System.arraycopy(data, 0, t.data, 0, length);
                t.length = length;
                t.time = now;
                t.written = true;
            }
            gate.m.trace(gate.part.traceCore(), TraceEventType.PORT_SEND, gate.part.index, index, length);
        } finally {
            gate.leave();
        }
    }

    @Override
    public boolean read(Message into) {
        Proc c = gate.enter();
        try {
            check(c, PortDirection.DESTINATION);
            if (into == null || into.data().length < config.maxMessageSize()) {
                throw gate.refuse(c, "receive buffer smaller than the port's " + config.maxMessageSize() + " bytes");
            }
            if (!slot.written) {
                return false;
            }
            System.arraycopy(slot.data, 0, into.data(), 0, slot.length);
            boolean valid = slot.refresh == 0 || gate.m.now - slot.time <= slot.refresh;
            into.filled(slot.length, valid, slot.time);
            gate.m.trace(gate.part.traceCore(), TraceEventType.PORT_RECEIVE, gate.part.index, index, slot.length);
            return true;
        } finally {
            gate.leave();
        }
    }
}
