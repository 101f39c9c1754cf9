// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import org.orrery.os.config.ConfigException;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/** The simulated board as a {@link BoardSupport}: applications isolated by class loader, virtual time. */
public final class SimBoardSupport implements BoardSupport {

    public static final String NAME = "sim";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "deterministic simulated board (virtual time, all partitions in one JVM)";
    }

    @Override
    public RunSummary boot(BootRequest request) throws ConfigException {
        Simulator sim = Simulator.of(request.config(), new JarApplicationLoader(request.applicationJars()))
                .echo(request.console()).stopWhen(request.stop());
        if (request.guardNanos() > 0) {
            sim.guardNanos(request.guardNanos());
        }
        if (request.trace() != null) {
            sim.traceSink(request.trace());
        }
        return sim.run(request.durationNs()).summary();
    }
}
