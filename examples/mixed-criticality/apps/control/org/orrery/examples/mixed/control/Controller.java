// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.mixed.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * Hard real-time controller (DAL A): a 100 Hz loop drives a simulated first-order plant towards the
 * setpoint the gateway publishes; the logger reports the state every 100 ms to the gateway. It keeps
 * running on its own core whatever the Linux guest next to it does.
 */
public final class Controller implements PartitionApplication {

    private Partition partition;
    private SamplingPort setpointIn;
    private QueuingPort logOut;
    private final Message setpoint = new Message(ControlConfig.Ports.SETPOINT_IN_MAX_MESSAGE_SIZE);
    private double target;
    private double plant;
    private long cycles;

    @Override
    public void initialize(Partition p) {
        partition = p;
        setpointIn = p.createSamplingPort(ControlConfig.Ports.SETPOINT_IN);
        logOut = p.createQueuingPort(ControlConfig.Ports.LOG_OUT);
        p.createProcess(ControlConfig.Processes.LOOP, this::loop).start();
        p.createProcess(ControlConfig.Processes.LOGGER, this::logger).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void loop() {
        while (true) {
            if (setpointIn.read(setpoint) && setpoint.valid()) {
                target = ByteBuffer.wrap(setpoint.data(), 0, setpoint.length()).getDouble();
            }
            plant += 0.2 * (target - plant); // proportional control of a first-order plant
            cycles++;
            partition.compute(1_000_000);
            partition.periodicWait();
        }
    }

    private void logger() {
        while (true) {
            byte[] line = String.format("cycle %d target %.2f plant %.2f", cycles, target, plant)
                    .getBytes(StandardCharsets.US_ASCII);
            logOut.send(line, line.length, 0);
            partition.compute(2_000_000);
            partition.periodicWait();
        }
    }
}
