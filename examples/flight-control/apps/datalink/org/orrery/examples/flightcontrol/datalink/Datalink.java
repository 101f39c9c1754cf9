// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.flightcontrol.datalink;

import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;

/**
 * Datalink (EDF): the uplink process replays a fixed flight plan, sending a new heading to flight control
 * every two seconds; the downlink process models the telemetry encoder's load.
 */
public final class Datalink implements PartitionApplication {

    private static final int[] HEADINGS = {90, 135, 180, 270, 0};

    private Partition partition;
    private QueuingPort uplinkOut;
    private long sent;
    private long dropped;

    @Override
    public void initialize(Partition p) {
        partition = p;
        uplinkOut = p.createQueuingPort(DatalinkConfig.Ports.UPLINK_OUT);
        p.createProcess(DatalinkConfig.Processes.UPLINK, this::uplink).start();
        p.createProcess(DatalinkConfig.Processes.DOWNLINK, this::downlink).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void uplink() {
        long cycle = 0;
        while (true) {
            if (cycle++ % 40 == 0) { // every 2 s at 50 ms
                int heading = HEADINGS[(int) (sent % HEADINGS.length)];
                byte[] cmd = ("HDG " + heading).getBytes(StandardCharsets.US_ASCII);
                if (uplinkOut.send(cmd, cmd.length, 0)) {
                    sent++;
                    partition.log("uplink: HDG " + heading);
                } else {
                    dropped++;
                }
            }
            partition.compute(1_000_000);
            partition.periodicWait();
        }
    }

    private void downlink() {
        while (true) {
            partition.compute(1_500_000);
            partition.periodicWait();
        }
    }
}
