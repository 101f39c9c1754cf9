// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A schedule plan: per core a major frame, and the windows of all cores. A core without a frame idles
 * in this plan. Windows of one core do not overlap and lie inside its frame; a partition never has two
 * windows open at the same time on different cores.
 */
public record PlanConfig(String name, List<CoreFrame> frames, List<WindowConfig> windows) {
    public PlanConfig {
        name = Checks.str(name, "plan.name");
        frames = Checks.list(frames, "plan.frames");
        windows = Checks.list(windows, "plan.windows");
    }
}
