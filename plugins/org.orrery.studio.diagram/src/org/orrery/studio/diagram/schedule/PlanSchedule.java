// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One plan: a lane per scheduled core, ordered by core number. */
public record PlanSchedule(String name, boolean initial, List<Lane> lanes) {

    public Lane lane(int core) {
        return lanes.stream().filter(l -> l.core() == core).findFirst().orElse(null);
    }

    public WindowBlock window(WindowRef ref) {
        Lane lane = lane(ref.core());
        return lane == null || ref.index() < 0 || ref.index() >= lane.windows().size() ? null
                : lane.windows().get(ref.index());
    }

    /** Per core, per owner: busy time over the major frame, cores in lane order. */
    public List<Utilisation> utilisation() {
        List<Utilisation> out = new ArrayList<>();
        for (Lane lane : lanes) {
            for (Map.Entry<String, Long> e : lane.busyByOwner().entrySet()) {
                int colour = lane.windows().stream().filter(w -> w.owner().equals(e.getKey())).findFirst()
                        .map(WindowBlock::colour).orElse(0);
                out.add(new Utilisation(e.getKey(), lane.core(), e.getValue(), lane.majorFrameNs(), colour));
            }
        }
        return out;
    }

    /** The longest major frame of the plan: the width the timeline must show. */
    public long longestFrameNs() {
        return lanes.stream().mapToLong(Lane::majorFrameNs).max().orElse(0);
    }
}
