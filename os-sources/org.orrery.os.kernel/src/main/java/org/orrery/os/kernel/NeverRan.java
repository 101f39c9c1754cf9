// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionMode;

/**
 * A partition that never completed its initialisation during a run, so none of its processes ever ran. Its
 * periodic processes' releases over the run are counted as deadline misses: the work was due and not done, and a
 * summary saying "0 misses" for a partition that never ran would hide it.
 *
 * @param partition its name
 * @param mode its mode at the end of the run
 * @param windows windows opened for it (0: it never had one in the plans the run went through)
 * @param processes its periodic processes (each release is due before the next one, deadline or not)
 * @param missedReleases their releases due over the run, counted as deadline misses
 */
public record NeverRan(String partition, PartitionMode mode, long windows, int processes, long missedReleases) {

    /** One line for the run summary: what never ran and the likely reason. */
    public String describe() {
        String why = windows == 0 ? "no window of it opened in the plans the run went through"
                : "its initialisation never completed in " + windows + " window" + (windows == 1 ? "" : "s");
        return partition + " never reached NORMAL (" + mode + "; " + why + "): " + missedReleases + " release"
                + (missedReleases == 1 ? "" : "s") + " of " + processes + " periodic process"
                + (processes == 1 ? "" : "es") + " counted as deadline misses";
    }
}
