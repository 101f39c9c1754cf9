// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.ConfigException;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/**
 * The simulated board as a {@link BoardSupport}: virtual time, and each partition in its own process started
 * from the image (see {@link PartitionProcesses}).
 */
public final class SimBoardSupport implements BoardSupport {

    public static final String NAME = "sim";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "deterministic simulated board (virtual time, one process per partition)";
    }

    @Override
    public RunSummary boot(BootRequest request) throws ConfigException {
        try (PartitionProcesses processes = PartitionProcesses.start(request.config(), request.osModules(),
                request.applicationJars())) {
            Simulator sim = Simulator.of(request.config(), ApplicationLoader.of(java.util.Map.of()))
                    .partitionProcesses(processes).echo(request.console()).stopWhen(request.stop()).operator(request.operator());
            if (request.guardNanos() > 0) {
                sim.guardNanos(request.guardNanos());
            }
            if (request.trace() != null) {
                sim.traceSink(request.trace());
            }
            return sim.run(request.durationNs()).summary();
        }
    }
}
