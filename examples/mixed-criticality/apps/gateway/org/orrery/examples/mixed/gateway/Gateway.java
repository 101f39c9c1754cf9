// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.mixed.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * Gateway between the real-time side and the rest of the world: publishes a setpoint profile (a step
 * every second) and forwards the controller's log, printing one line in ten.
 */
public final class Gateway implements PartitionApplication {

    private static final double[] PROFILE = {10.0, 25.0, 5.0, 40.0};

    private Partition partition;
    private SamplingPort setpointOut;
    private QueuingPort logIn;
    private final Message log = new Message(GatewayConfig.Ports.LOG_IN_MAX_MESSAGE_SIZE);
    private final byte[] setpoint = new byte[GatewayConfig.Ports.SETPOINT_OUT_MAX_MESSAGE_SIZE];

    @Override
    public void initialize(Partition p) {
        partition = p;
        setpointOut = p.createSamplingPort(GatewayConfig.Ports.SETPOINT_OUT);
        logIn = p.createQueuingPort(GatewayConfig.Ports.LOG_IN);
        p.createProcess(GatewayConfig.Processes.BRIDGE, this::bridge).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void bridge() {
        long forwarded = 0;
        while (true) {
            int step = (int) (partition.now() / 1_000_000_000L % PROFILE.length);
            ByteBuffer.wrap(setpoint).putDouble(PROFILE[step]).putLong(step);
            setpointOut.write(setpoint, setpoint.length);
            while (logIn.receive(log, 0)) {
                if (forwarded++ % 10 == 0) {
                    partition.log("control: " + new String(log.data(), 0, log.length(), StandardCharsets.US_ASCII));
                }
            }
            partition.compute(2_000_000);
            partition.periodicWait();
        }
    }
}
