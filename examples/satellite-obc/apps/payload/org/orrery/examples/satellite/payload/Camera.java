// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.satellite.payload;

import java.nio.ByteBuffer;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;

/** The camera: exposes every 100 ms and queues one 4 KiB image tile per second for the radio. */
public final class Camera implements PartitionApplication {

    private Partition partition;
    private QueuingPort imagesOut;
    private final byte[] tile = new byte[PayloadConfig.Ports.IMAGES_OUT_MAX_MESSAGE_SIZE];

    @Override
    public void initialize(Partition p) {
        partition = p;
        imagesOut = p.createQueuingPort(PayloadConfig.Ports.IMAGES_OUT);
        p.createProcess(PayloadConfig.Processes.CAPTURE, this::capture).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void capture() {
        long exposures = 0;
        while (true) {
            partition.kickWatchdog();
            partition.compute(8_000_000);
            if (++exposures % 10 == 0) {
                ByteBuffer.wrap(tile).putLong(exposures).putLong(partition.now());
                imagesOut.send(tile, tile.length, 0); // queue full: the radio is behind, drop the tile
            }
            partition.periodicWait();
        }
    }
}
