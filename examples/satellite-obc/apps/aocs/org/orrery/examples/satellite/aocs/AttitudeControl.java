// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.satellite.aocs;

import java.nio.ByteBuffer;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.SamplingPort;

/**
 * Attitude and orbit control: the estimator propagates the spacecraft's attitude quaternion (a slow,
 * constant spin) every 50 ms and publishes it; the actuators process models the reaction wheel commands.
 */
public final class AttitudeControl implements PartitionApplication {

    private static final double SPIN_RAD_PER_S = 0.01;

    private Partition partition;
    private SamplingPort attitudeOut;
    private final byte[] sample = new byte[AocsConfig.Ports.ATTITUDE_OUT_MAX_MESSAGE_SIZE];

    @Override
    public void initialize(Partition p) {
        partition = p;
        attitudeOut = p.createSamplingPort(AocsConfig.Ports.ATTITUDE_OUT);
        p.createProcess(AocsConfig.Processes.ESTIMATOR, this::estimate).start();
        p.createProcess(AocsConfig.Processes.ACTUATORS, this::actuate).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void estimate() {
        long seq = 0;
        while (true) {
            partition.kickWatchdog();
            double half = SPIN_RAD_PER_S * partition.now() / 1e9 / 2;
            ByteBuffer.wrap(sample).putLong(seq++).putDouble(Math.cos(half)).putDouble(0).putDouble(0)
                    .putDouble(Math.sin(half));
            attitudeOut.write(sample, sample.length);
            partition.compute(3_000_000);
            partition.periodicWait();
        }
    }

    private void actuate() {
        while (true) {
            partition.compute(2_000_000);
            partition.periodicWait();
        }
    }
}
