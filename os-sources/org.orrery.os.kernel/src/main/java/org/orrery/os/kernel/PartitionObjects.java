// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.Event;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.api.Semaphore;
import org.orrery.os.config.Limits;
import org.orrery.os.config.PortKind;

/**
 * Creation of a partition's communication objects during initialisation: the configured ports (their
 * handles exist from boot, creation only unlocks them) and the intra-partition buffers, blackboards,
 * semaphores and events (allocated here, before the partition goes NORMAL).
 */
final class PartitionObjects {
    private final CallGate gate;
    private final PartitionRt part;

    PartitionObjects(CallGate gate) {
        this.gate = gate;
        this.part = gate.part;
    }

    SamplingPort samplingPort(SamplingPortRef ref) {
        Proc c = gate.enter();
        try {
            return (SamplingPort) port(c, ref == null ? -1 : ref.index(), ref == null ? null : ref.name(),
                    PortKind.SAMPLING);
        } finally {
            gate.leave();
        }
    }

    QueuingPort queuingPort(QueuingPortRef ref) {
        Proc c = gate.enter();
        try {
            return (QueuingPort) port(c, ref == null ? -1 : ref.index(), ref == null ? null : ref.name(),
                    PortKind.QUEUING);
        } finally {
            gate.leave();
        }
    }

    private Object port(Proc c, int i, String name, PortKind kind) {
        gate.requireInit(c, "creating a port");
        if (i < 0 || i >= part.portHandles.length || !part.config.ports().get(i).name().equals(name)
                || part.config.ports().get(i).kind() != kind) {
            throw gate.refuse(c, "no " + kind + " port " + name + "#" + i + " in partition " + part.name());
        }
        if (part.portCreated[i]) {
            throw gate.refuse(c, "port " + name + " already created");
        }
        part.portCreated[i] = true;
        return part.portHandles[i];
    }

    Buffer buffer(String name, int maxMessageSize, int depth, QueuingDiscipline discipline) {
        Proc c = gate.enter();
        try {
            checkObject(c, name, maxMessageSize, depth);
            if (discipline == null) {
                throw gate.refuse(c, "null queuing discipline");
            }
            return add(new BufferObj(gate, name, maxMessageSize, depth, discipline));
        } finally {
            gate.leave();
        }
    }

    Blackboard blackboard(String name, int maxMessageSize) {
        Proc c = gate.enter();
        try {
            checkObject(c, name, maxMessageSize, 1);
            return add(new BlackboardObj(gate, name, maxMessageSize));
        } finally {
            gate.leave();
        }
    }

    Semaphore semaphore(String name, int initial, int max, QueuingDiscipline discipline) {
        Proc c = gate.enter();
        try {
            checkObject(c, name, 1, 1);
            if (max < 1 || initial < 0 || initial > max || discipline == null) {
                throw gate.refuse(c, "invalid semaphore " + name + " (" + initial + "/" + max + ")");
            }
            return add(new SemaphoreObj(gate, name, initial, max, discipline));
        } finally {
            gate.leave();
        }
    }

    Event event(String name) {
        Proc c = gate.enter();
        try {
            checkObject(c, name, 1, 1);
            return add(new EventObj(gate, name));
        } finally {
            gate.leave();
        }
    }

    private void checkObject(Proc c, String name, long size, long depth) {
        gate.requireInit(c, "creating " + name);
        if (name == null || size < 1 || size > Limits.MAX_MESSAGE_SIZE || depth < 1 || depth > Limits.MAX_QUEUE_DEPTH) {
            throw gate.refuse(c, "invalid attributes for " + name);
        }
    }

    private <T extends IntraObject> T add(T object) {
        part.objects.add(object);
        return object;
    }
}
