// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.List;
import java.util.Map;
import org.orrery.os.api.PartitionMode;

/**
 * What a run did.
 *
 * @param endTimeNs virtual (or real) time reached
 * @param windowsRun windows opened, over all cores
 * @param overruns windows in which a partition kept its core beyond the guard (WINDOW_OVERRUN)
 * @param deadlineMisses deadline misses the kernel detected (not DEADLINE_MISSED errors an application raised), plus
 *        the releases of processes of partitions that never ran
 * @param planSwitches switches of the module's plan (one switch, however many cores take it)
 * @param moduleResets RESET_MODULE actions performed
 * @param shutdown whether the module was shut down by the health monitor
 * @param hmEvents every error handled, in order
 * @param modes final mode of each partition, by name
 * @param activePlan plan active on the lowest core at the end
 * @param traceDiscarded trace events lost to full buffers, over all cores
 * @param planSwitchesPerCore plan changes each core made, by core index (a core may lag or skip a switch)
 * @param boardReport lines the board adds about itself (a real-time board's measured lateness, say)
 * @param neverRan partitions that never completed their initialisation, whose releases count in
 *        {@code deadlineMisses}
 */
public record RunSummary(long endTimeNs, long windowsRun, long overruns, long deadlineMisses, long planSwitches,
        long moduleResets, boolean shutdown, List<HmEvent> hmEvents, Map<String, PartitionMode> modes,
        String activePlan, long traceDiscarded, List<Long> planSwitchesPerCore, List<String> boardReport,
        List<NeverRan> neverRan) {

    public RunSummary {
        planSwitchesPerCore = List.copyOf(planSwitchesPerCore);
        boardReport = List.copyOf(boardReport);
        neverRan = List.copyOf(neverRan);
    }

    public RunSummary(long endTimeNs, long windowsRun, long overruns, long deadlineMisses, long planSwitches,
            long moduleResets, boolean shutdown, List<HmEvent> hmEvents, Map<String, PartitionMode> modes,
            String activePlan, long traceDiscarded, List<Long> planSwitchesPerCore) {
        this(endTimeNs, windowsRun, overruns, deadlineMisses, planSwitches, moduleResets, shutdown, hmEvents, modes,
                activePlan, traceDiscarded, planSwitchesPerCore, List.of(), List.of());
    }

    /** This summary with the board's own lines added. */
    public RunSummary withBoardReport(List<String> lines) {
        return new RunSummary(endTimeNs, windowsRun, overruns, deadlineMisses, planSwitches, moduleResets, shutdown,
                hmEvents, modes, activePlan, traceDiscarded, planSwitchesPerCore, lines, neverRan);
    }

    /** A short human-readable report (the CLI prints it after a run). */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("time %d.%09d s, windows %d, overruns %d, deadline misses %d, HM events %d, "
                + "plan switches %d, resets %d%s%n", endTimeNs / 1_000_000_000L, endTimeNs % 1_000_000_000L,
                windowsRun, overruns, deadlineMisses, hmEvents.size(), planSwitches, moduleResets,
                shutdown ? ", SHUT DOWN" : ""));
        sb.append("plan ").append(activePlan).append("; partitions:");
        modes.forEach((name, mode) -> sb.append(' ').append(name).append('=').append(mode));
        sb.append(System.lineSeparator());
        // Per-core detail only where it says more than the module count: with several cores.
        if (planSwitches > 0 && planSwitchesPerCore.size() > 1) {
            sb.append("plan switches per core:");
            for (int c = 0; c < planSwitchesPerCore.size(); c++) {
                sb.append(c == 0 ? " " : ", ").append("core ").append(c).append(' ').append(planSwitchesPerCore.get(c));
            }
            sb.append(System.lineSeparator());
        }
        for (NeverRan n : neverRan) {
            sb.append(n.describe()).append(System.lineSeparator());
        }
        if (traceDiscarded > 0) {
            sb.append("trace events discarded: ").append(traceDiscarded).append(System.lineSeparator());
        }
        for (HmEvent e : hmEvents) {
            sb.append("  HM ").append(e).append(System.lineSeparator());
        }
        for (String line : boardReport) {
            sb.append(line).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
