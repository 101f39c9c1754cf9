// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.flightcontrol.fcs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * Flight control (DAL A): every 25 ms reads the attitude, runs a proportional control law that levels
 * the aircraft and holds the commanded heading, and writes the surface deflections. Heading commands
 * arrive from the datalink; noteworthy events go to the maintenance partition. The control loop kicks the
 * partition watchdog (50 ms) on every cycle, so a stuck control loop restarts the partition; the monitor
 * reports stale attitude data.
 */
public final class FlightControl implements PartitionApplication {

    private static final double GAIN = 0.8;
    private static final double LIMIT = 25.0;

    private Partition partition;
    private SamplingPort attitudeIn;
    private SamplingPort surfacesOut;
    private QueuingPort uplinkIn;
    private QueuingPort eventsOut;
    private final Message attitude = new Message(FcsConfig.Ports.ATTITUDE_IN_MAX_MESSAGE_SIZE);
    private final Message uplink = new Message(FcsConfig.Ports.UPLINK_IN_MAX_MESSAGE_SIZE);
    private final byte[] surfaces = new byte[FcsConfig.Ports.SURFACES_OUT_MAX_MESSAGE_SIZE];
    private double targetHeading;
    private volatile boolean attitudeValid;

    @Override
    public void initialize(Partition p) {
        partition = p;
        attitudeIn = p.createSamplingPort(FcsConfig.Ports.ATTITUDE_IN);
        surfacesOut = p.createSamplingPort(FcsConfig.Ports.SURFACES_OUT);
        uplinkIn = p.createQueuingPort(FcsConfig.Ports.UPLINK_IN);
        eventsOut = p.createQueuingPort(FcsConfig.Ports.EVENTS_OUT);
        p.createErrorHandler(this::errorHandler);
        p.createProcess(FcsConfig.Processes.CONTROL, this::control).start();
        p.createProcess(FcsConfig.Processes.MONITOR, this::monitor).start();
        p.log("flight control up (" + p.mode() + ")");
        p.setMode(PartitionMode.NORMAL);
    }

    private void control() {
        while (true) {
            while (uplinkIn.receive(uplink, 0)) {
                String cmd = new String(uplink.data(), 0, uplink.length(), StandardCharsets.US_ASCII);
                if (cmd.startsWith("HDG ")) {
                    targetHeading = Double.parseDouble(cmd.substring(4));
                    event("heading " + (long) targetHeading);
                }
            }
            attitudeValid = attitudeIn.read(attitude) && attitude.valid();
            if (attitudeValid) {
                ByteBuffer a = ByteBuffer.wrap(attitude.data(), 0, attitude.length());
                a.getLong();
                double roll = a.getDouble();
                double pitch = a.getDouble();
                double heading = a.getDouble();
                double headingError = ((targetHeading - heading + 540.0) % 360.0) - 180.0;
                ByteBuffer.wrap(surfaces).putDouble(clamp(-GAIN * roll + 0.1 * headingError))
                        .putDouble(clamp(-GAIN * pitch)).putDouble(clamp(0.05 * headingError)).putDouble(0);
                surfacesOut.write(surfaces, surfaces.length);
            }
            partition.compute(1_500_000);
            partition.kickWatchdog();
            partition.periodicWait();
        }
    }

    private void monitor() {
        boolean reported = false;
        while (true) {
            partition.compute(1_000_000);
            if (!attitudeValid && !reported && partition.now() > 200_000_000L) {
                event("attitude stale");
                reported = true;
            } else if (attitudeValid) {
                reported = false;
            }
            partition.periodicWait();
        }
    }

    private void errorHandler() {
        ErrorStatus e = partition.errorStatus();
        if (e != null) {
            partition.log("error " + e.code() + " in " + (e.process() == null ? "partition" : e.process().name())
                    + ": " + e.message());
        }
    }

    private void event(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        eventsOut.send(b, b.length, 0); // drop rather than block the control loop
    }

    private static double clamp(double deflection) {
        return Math.max(-LIMIT, Math.min(LIMIT, deflection));
    }
}
