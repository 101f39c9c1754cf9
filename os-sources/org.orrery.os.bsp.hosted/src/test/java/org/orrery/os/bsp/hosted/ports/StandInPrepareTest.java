// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.Message;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;

/**
 * A port stand-in asks the kernel for its name when it is prepared (the runtime does so right after the create
 * call, in the partition's initialisation), so a process's first call makes no kernel call for it; a stand-in
 * never prepared still asks once, at its first call. The ports here are not in the process's plan: every call
 * then goes on to the kernel's port, which records what it was asked.
 */
class StandInPrepareTest {

    private final List<String> kernelCalls = new ArrayList<>();
    private final PartitionPorts ports = new PartitionPorts(new PortPlan(null, List.of()));

    @Test
    void aPreparedSamplingPortsFirstReadAsksTheKernelOnlyForTheRead() {
        ShmSamplingPort port = new ShmSamplingPort(kernelSampling(), ports);
        ports.prepare(port);
        assertEquals(List.of("ref"), kernelCalls);
        kernelCalls.clear();
        port.read(new Message(8));
        port.read(new Message(8));
        assertEquals(List.of("read", "read"), kernelCalls);
    }

    @Test
    void aPreparedQueuingPortsFirstSendAsksTheKernelOnlyForTheSend() {
        ShmQueuingPort port = new ShmQueuingPort(kernelQueuing(), null, ports);
        ports.prepare(port);
        ports.prepare(port); // once is enough: the name does not change
        assertEquals(List.of("ref"), kernelCalls);
        kernelCalls.clear();
        port.send(new byte[4], 4, 0);
        assertEquals(List.of("send"), kernelCalls);
    }

    @Test
    void aPortNeverPreparedAsksForItsNameAtItsFirstCall() {
        ShmQueuingPort port = new ShmQueuingPort(kernelQueuing(), null, ports);
        port.receive(new Message(8), 0);
        port.receive(new Message(8), 0);
        assertEquals(List.of("ref", "receive", "receive"), kernelCalls);
        ports.prepare("not a port of this process");
        assertEquals(3, kernelCalls.size(), "prepare of anything else asks nothing");
    }

    private SamplingPort kernelSampling() {
        return new SamplingPort() {
            @Override
            public SamplingPortRef ref() {
                kernelCalls.add("ref");
                return new SamplingPortRef("attitude_in", 0);
            }

            @Override
            public void write(byte[] data, int length) {
                kernelCalls.add("write");
            }

            @Override
            public boolean read(Message into) {
                kernelCalls.add("read");
                return false;
            }
        };
    }

    private QueuingPort kernelQueuing() {
        return new QueuingPort() {
            @Override
            public QueuingPortRef ref() {
                kernelCalls.add("ref");
                return new QueuingPortRef("events_out", 0);
            }

            @Override
            public boolean send(byte[] data, int length, long timeoutNs) {
                kernelCalls.add("send");
                return true;
            }

            @Override
            public boolean receive(Message into, long timeoutNs) {
                kernelCalls.add("receive");
                return false;
            }

            @Override
            public int pending() {
                kernelCalls.add("pending");
                return 0;
            }

            @Override
            public boolean overflowed() {
                kernelCalls.add("overflowed");
                return false;
            }
        };
    }
}
