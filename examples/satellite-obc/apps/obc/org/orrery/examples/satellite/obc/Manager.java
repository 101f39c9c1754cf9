// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.satellite.obc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * On-board manager (system partition): every 100 ms checks the attitude estimate, kicks its watchdog and
 * sends a housekeeping frame to the radio. The scenario of this example: at 5 s the battery dips, the
 * manager enters the safe-mode plan (payload off) and returns to nominal 200 ms later.
 */
public final class Manager implements PartitionApplication {

    private static final long SAFE_AT_NS = 5_000_000_000L;
    private static final long NOMINAL_AT_NS = 5_200_000_000L;

    private Partition partition;
    private QueuingPort telemetryOut;
    private SamplingPort attitudeIn;
    private final Message attitude = new Message(ObcConfig.Ports.ATTITUDE_IN_MAX_MESSAGE_SIZE);
    private long frames;
    private int scenario;

    @Override
    public void initialize(Partition p) {
        partition = p;
        telemetryOut = p.createQueuingPort(ObcConfig.Ports.TELEMETRY_OUT);
        attitudeIn = p.createSamplingPort(ObcConfig.Ports.ATTITUDE_IN);
        p.createProcess(ObcConfig.Processes.SUPERVISOR, this::supervise).start();
        p.log("obc up (" + p.mode() + ")");
        p.setMode(PartitionMode.NORMAL);
    }

    private void supervise() {
        while (true) {
            partition.kickWatchdog();
            boolean attitudeOk = attitudeIn.read(attitude) && attitude.valid();
            long seq = attitudeOk ? ByteBuffer.wrap(attitude.data()).getLong() : -1;
            byte[] hk = String.format("HK %d t=%d att=%s seq=%d", frames++, partition.now() / 1_000_000,
                    attitudeOk ? "ok" : "STALE", seq).getBytes(StandardCharsets.US_ASCII);
            telemetryOut.send(hk, hk.length, 0);
            long now = partition.now();
            if (scenario == 0 && now >= SAFE_AT_NS) {
                partition.log("battery low: entering safe mode: " + partition.requestPlanSwitch(ObcConfig.Plans.SAFE_MODE));
                scenario = 1;
            } else if (scenario == 1 && now >= NOMINAL_AT_NS) {
                partition.log("battery ok: back to nominal: " + partition.requestPlanSwitch(ObcConfig.Plans.NOMINAL));
                scenario = 2;
            }
            partition.compute(1_000_000);
            partition.periodicWait();
        }
    }
}
