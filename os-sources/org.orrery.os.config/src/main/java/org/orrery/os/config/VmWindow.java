// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** A window of a VM in a plan (same rules as partition windows: inside the core's frame, no overlap). */
public record VmWindow(String plan, int core, long startNs, long durationNs) {
    public VmWindow {
        plan = Checks.str(plan, "vmWindow.plan");
    }
}
