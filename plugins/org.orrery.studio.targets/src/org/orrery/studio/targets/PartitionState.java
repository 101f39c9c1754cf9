// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.util.List;

import org.orrery.os.agent.CpuUse;

/**
 * One partition of a running board as the Targets view shows it: its mode, its CPU use in its last window, and
 * the latest health-monitor and console lines it produced (oldest first).
 *
 * @param mode the last mode the board reported, or "?" before the first report
 * @param cpu null before the first report
 */
public record PartitionState(String board, String name, String mode, CpuUse cpu, List<String> hm, List<String> console) {

    public PartitionState {
        hm = List.copyOf(hm);
        console = List.copyOf(console);
    }

    /** e.g. "1.20 of 10.00 ms (12.0%)", or "" before the first report. */
    public String cpuText() {
        if (cpu == null) {
            return "";
        }
        String all = cpu.toString();
        // the record's text starts with the partition and ends with the mode, both shown in their own columns
        return all.substring(cpu.partition().length() + 1, all.length() - cpu.mode().length() - 1);
    }
}
