// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.satellite.ttc;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;

/**
 * Telemetry, tracking and command: the downlink process sends housekeeping frames every 100 ms and reports
 * every 2 s; the image downlink process waits for payload tiles and sends them as they come.
 */
public final class Radio implements PartitionApplication {

    private Partition partition;
    private QueuingPort telemetryIn;
    private QueuingPort imagesIn;
    private final Message frame = new Message(TtcConfig.Ports.TELEMETRY_IN_MAX_MESSAGE_SIZE);
    private final Message tile = new Message(TtcConfig.Ports.IMAGES_IN_MAX_MESSAGE_SIZE);
    private volatile long tiles;

    @Override
    public void initialize(Partition p) {
        partition = p;
        telemetryIn = p.createQueuingPort(TtcConfig.Ports.TELEMETRY_IN);
        imagesIn = p.createQueuingPort(TtcConfig.Ports.IMAGES_IN);
        p.createProcess(TtcConfig.Processes.DOWNLINK, this::downlink).start();
        p.createProcess(TtcConfig.Processes.DOWNLINK_IMAGES, this::downlinkImages).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void downlink() {
        long frames = 0;
        String last = "";
        while (true) {
            while (telemetryIn.receive(frame, 0)) {
                frames++;
                last = new String(frame.data(), 0, frame.length(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            partition.compute(3_000_000);
            if (partition.now() / 100_000_000L % 20 == 19) {
                partition.log("downlinked " + frames + " housekeeping frames, " + tiles + " image tiles; last: " + last);
            }
            partition.periodicWait();
        }
    }

    private void downlinkImages() {
        while (true) {
            if (imagesIn.receive(tile, Partition.INFINITE)) {
                tiles++;
                partition.compute(4_000_000);
            }
        }
    }
}
