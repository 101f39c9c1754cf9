// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.flightcontrol.display;

import java.nio.ByteBuffer;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.SamplingPort;

/**
 * Cockpit display: every 50 ms reads the latest attitude and surface positions (each with its validity)
 * and, once a second, prints the primary flight display line to the console.
 */
public final class Display implements PartitionApplication {

    private Partition partition;
    private SamplingPort attitudeIn;
    private SamplingPort surfacesIn;
    private final Message attitude = new Message(DisplayConfig.Ports.ATTITUDE_IN_MAX_MESSAGE_SIZE);
    private final Message surfaces = new Message(DisplayConfig.Ports.SURFACES_IN_MAX_MESSAGE_SIZE);

    @Override
    public void initialize(Partition p) {
        partition = p;
        attitudeIn = p.createSamplingPort(DisplayConfig.Ports.ATTITUDE_IN);
        surfacesIn = p.createSamplingPort(DisplayConfig.Ports.SURFACES_IN);
        p.createProcess(DisplayConfig.Processes.RENDER, this::render).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void render() {
        long frames = 0;
        while (true) {
            boolean att = attitudeIn.read(attitude) && attitude.valid();
            boolean srf = surfacesIn.read(surfaces) && surfaces.valid();
            partition.compute(4_000_000);
            if (++frames % 20 == 0) {
                partition.log(line(att, srf));
                partition.traceEvent(1, frames);
            }
            partition.periodicWait();
        }
    }

    private String line(boolean att, boolean srf) {
        StringBuilder s = new StringBuilder("PFD");
        if (att) {
            ByteBuffer a = ByteBuffer.wrap(attitude.data(), 0, attitude.length());
            long seq = a.getLong();
            s.append(String.format(" #%d roll %+.1f pitch %+.1f hdg %05.1f", seq, a.getDouble(), a.getDouble(),
                    a.getDouble()));
        } else {
            s.append(" attitude INVALID");
        }
        if (srf) {
            ByteBuffer b = ByteBuffer.wrap(surfaces.data(), 0, surfaces.length());
            s.append(String.format(" | ail %+.1f elev %+.1f rud %+.1f", b.getDouble(), b.getDouble(), b.getDouble()));
        } else {
            s.append(" | surfaces INVALID");
        }
        return s.toString();
    }
}
