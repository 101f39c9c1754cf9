// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.flightcontrol.maint;

import java.nio.charset.StandardCharsets;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.QueuingPort;

/**
 * Maintenance (system partition): the loader process logs every event flight control reports; the
 * heartbeat process runs the ground-maintenance scenario of this example: after 4 s it switches the module
 * to the {@code maintenance} plan and 2 s later back to {@code normal}.
 */
public final class Maintenance implements PartitionApplication {

    private static final long TO_MAINTENANCE_NS = 4_000_000_000L;
    private static final long BACK_TO_NORMAL_NS = 6_000_000_000L;

    private Partition partition;
    private QueuingPort eventsIn;
    private final Message event = new Message(MaintConfig.Ports.EVENTS_IN_MAX_MESSAGE_SIZE);

    @Override
    public void initialize(Partition p) {
        partition = p;
        eventsIn = p.createQueuingPort(MaintConfig.Ports.EVENTS_IN);
        p.createProcess(MaintConfig.Processes.HEARTBEAT, this::heartbeat).start();
        p.createProcess(MaintConfig.Processes.LOADER, this::loader).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private void heartbeat() {
        boolean inMaintenance = false;
        boolean done = false;
        while (true) {
            long now = partition.now();
            if (!inMaintenance && !done && now >= TO_MAINTENANCE_NS) {
                inMaintenance = partition.requestPlanSwitch(MaintConfig.Plans.MAINTENANCE);
                partition.log("requesting maintenance plan: " + (inMaintenance ? "accepted" : "refused"));
            } else if (inMaintenance && now >= BACK_TO_NORMAL_NS) {
                boolean ok = partition.requestPlanSwitch(MaintConfig.Plans.NORMAL);
                partition.log("requesting normal plan: " + (ok ? "accepted" : "refused"));
                inMaintenance = false;
                done = true;
            }
            partition.compute(500_000);
            partition.periodicWait();
        }
    }

    private void loader() {
        while (true) {
            if (eventsIn.receive(event, Partition.INFINITE)) {
                partition.log("event from fcs: " + new String(event.data(), 0, event.length(), StandardCharsets.US_ASCII));
            }
        }
    }
}
