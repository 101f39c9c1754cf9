// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

/** The share of one core's major frame that one partition (or VM) holds in a plan. */
public record Utilisation(String owner, int core, long busyNs, long frameNs, int colour) {

    public double ratio() {
        return frameNs <= 0 ? 0 : (double) busyNs / frameNs;
    }

    /** E.g. {@code 40.0 %}. */
    public String percent() {
        return String.format(java.util.Locale.ROOT, "%.1f %%", ratio() * 100);
    }
}
