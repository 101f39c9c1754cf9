// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.router.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * Control plane (round robin): the services process reports the fast path's counters once a second; the
 * routing process plays the example's link events: wan0 goes down at 3 s (fail over to wan1) and comes
 * back at 6 s.
 */
public final class Control implements PartitionApplication {

    private Partition partition;
    private SamplingPort statsIn;
    private QueuingPort controlOut;
    private final Message stats = new Message(ControlConfig.Ports.STATS_IN_MAX_MESSAGE_SIZE);

    @Override
    public void initialize(Partition p) {
        partition = p;
        statsIn = p.createSamplingPort(ControlConfig.Ports.STATS_IN);
        controlOut = p.createQueuingPort(ControlConfig.Ports.CONTROL_OUT);
        p.createProcess(ControlConfig.Processes.SERVICES, this::services).start();
        p.createProcess(ControlConfig.Processes.ROUTING, this::routing).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void services() {
        long ticks = 0;
        while (true) {
            partition.compute(500_000);
            if (++ticks % 100 == 0 && statsIn.read(stats)) {
                ByteBuffer b = ByteBuffer.wrap(stats.data(), 0, stats.length());
                partition.log(String.format("fast path: rx %d, wan0 %d, wan1 %d, active wan%d%s", b.getLong(),
                        b.getLong(), b.getLong(), b.getInt(), stats.valid() ? "" : " (STALE)"));
            }
            partition.periodicWait();
        }
    }

    private void routing() {
        int event = 0;
        while (true) {
            long now = partition.now();
            if (event == 0 && now >= 3_000_000_000L) {
                send("failover wan1");
                event = 1;
            } else if (event == 1 && now >= 6_000_000_000L) {
                send("failover wan0");
                event = 2;
            }
            partition.compute(500_000);
            partition.periodicWait();
        }
    }

    private void send(String command) {
        byte[] b = command.getBytes(StandardCharsets.US_ASCII);
        partition.log("link event: " + command + (controlOut.send(b, b.length, 0) ? "" : " (queue full)"));
    }
}
