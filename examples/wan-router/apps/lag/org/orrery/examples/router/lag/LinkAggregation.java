// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.router.lag;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * The fast path: every millisecond receives a (simulated) burst of packets and forwards it on the active
 * member of the active-backup bond and publishes the counters every 5 ms; the health process applies
 * fail-over commands from the control partition every 100 ms.
 */
public final class LinkAggregation implements PartitionApplication {

    private static final String[] MEMBERS = {"wan0", "wan1"};

    private Partition partition;
    private SamplingPort statsOut;
    private QueuingPort controlIn;
    private final Message command = new Message(LagConfig.Ports.CONTROL_IN_MAX_MESSAGE_SIZE);
    private final byte[] stats = new byte[LagConfig.Ports.STATS_OUT_MAX_MESSAGE_SIZE];
    private final long[] forwarded = new long[MEMBERS.length];
    private long received;
    private long queued;
    private int active;

    @Override
    public void initialize(Partition p) {
        partition = p;
        statsOut = p.createSamplingPort(LagConfig.Ports.STATS_OUT);
        controlIn = p.createQueuingPort(LagConfig.Ports.CONTROL_IN);
        p.createProcess(LagConfig.Processes.RX, this::rx).start();
        p.createProcess(LagConfig.Processes.TX, this::tx).start();
        p.createProcess(LagConfig.Processes.HEALTH, this::health).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void rx() {
        while (true) {
            partition.kickWatchdog();
            long burst = 8 + (partition.now() / 1_000_000L) % 5; // deterministic traffic pattern
            received += burst;
            queued += burst;
            partition.compute(120_000);
            partition.periodicWait();
        }
    }

    private void tx() {
        long cycles = 0;
        while (true) {
            forwarded[active] += queued;
            queued = 0;
            if (++cycles % 5 == 0) { // well within the control partition's 10 ms refresh period
                ByteBuffer.wrap(stats).putLong(received).putLong(forwarded[0]).putLong(forwarded[1]).putInt(active);
                statsOut.write(stats, stats.length);
            }
            partition.compute(100_000);
            partition.periodicWait();
        }
    }

    private void health() {
        while (true) {
            while (controlIn.receive(command, 0)) {
                String cmd = new String(command.data(), 0, command.length(), StandardCharsets.US_ASCII);
                for (int i = 0; i < MEMBERS.length; i++) {
                    if (cmd.equals("failover " + MEMBERS[i]) && active != i) {
                        active = i;
                        partition.log("bond: active member now " + MEMBERS[i]);
                    }
                }
            }
            partition.compute(500_000);
            partition.periodicWait();
        }
    }
}
