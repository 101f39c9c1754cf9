// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.List;

import org.orrery.os.config.SystemConfig;

/**
 * The data behind the Orrery Timeline view: one lane per core, the traced time range, and the deviations of
 * the run from its configured schedule. Built once per trace by {@link TimelineBuilder}; immutable.
 */
public record Timeline(SystemConfig config, long startNs, long endNs, List<CoreLane> lanes,
        List<Deviation> deviations) {

    public Timeline {
        lanes = List.copyOf(lanes);
        deviations = List.copyOf(deviations);
    }

    public CoreLane lane(int core) {
        return lanes.get(core);
    }

    public boolean conforms() {
        return deviations.isEmpty();
    }
}
