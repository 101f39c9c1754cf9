// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.flightcontrol.nav;

import java.nio.ByteBuffer;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.SamplingPort;

/**
 * Navigation: fuses (simulated) inertial and GPS data into an attitude and publishes it on the
 * {@code attitude} sampling channel every 25 ms. The motion is a deterministic function of board time,
 * so every run of the simulator produces the same numbers.
 */
public final class Navigation implements PartitionApplication {

    private Partition partition;
    private SamplingPort attitudeOut;
    private final byte[] frame = new byte[Attitude.BYTES];
    private double latitude = 48.1;
    private long fixes;

    @Override
    public void initialize(Partition p) {
        partition = p;
        attitudeOut = p.createSamplingPort(NavConfig.Ports.ATTITUDE_OUT);
        p.createProcess(NavConfig.Processes.FUSION, this::fusion).start();
        p.createProcess(NavConfig.Processes.GPS, this::gps).start();
        p.log("navigation up: attitude every 25 ms");
        p.setMode(PartitionMode.NORMAL);
    }

    private void fusion() {
        long seq = 0;
        while (true) {
            partition.compute(2_000_000); // the filter's modelled cost
            double t = partition.now() / 1e9;
            Attitude.write(ByteBuffer.wrap(frame), seq++, 5.0 * Math.sin(t * 0.5), 2.0 * Math.cos(t * 0.3),
                    (t * 3.0) % 360.0, latitude);
            attitudeOut.write(frame, frame.length);
            partition.periodicWait();
        }
    }

    private void gps() {
        while (true) {
            partition.compute(1_000_000);
            latitude += 0.00001;
            if (++fixes % 40 == 0) { // every 2 s
                partition.log(String.format("gps fix %d lat %.5f", fixes, latitude));
            }
            partition.periodicWait();
        }
    }
}
