// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.xtext.validation.Check;
import org.orrery.os.config.Limits;
import org.orrery.dsl.model.BoardFacts;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.PlanSwitch;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.Window;

/** Plans, major frames and windows. */
public class ScheduleRules extends OrreryRules {

    @Check
    public void windowsOverlap(CoreSchedule schedule) {
        List<Window> sorted = new ArrayList<>(schedule.getWindows());
        sorted.sort(Comparator.comparingLong((Window w) -> Units.nanos(w.getStart()))
                .thenComparingInt(w -> schedule.getWindows().indexOf(w)));
        Window reach = null;
        for (Window w : sorted) {
            long start = Units.nanos(w.getStart());
            if (reach != null && start < end(reach)) {
                error(Windows.label(w) + " at " + Units.formatNanos(start) + " overlaps " + Windows.label(reach).replace("Window of", "the window of")
                        + " (" + Units.formatNanos(Units.nanos(reach.getStart())) + ".." + Units.formatNanos(end(reach))
                        + ") on core " + schedule.getCore() + " in plan " + q(Windows.plan(w)) + "; move one of them.",
                        w, Literals.WINDOW__START, OrreryIssueCodes.WINDOWS_OVERLAP);
            }
            if (reach == null || end(w) > end(reach)) {
                reach = w;
            }
        }
    }

    @Check
    public void windowBeyondFrame(Window window) {
        CoreSchedule schedule = (CoreSchedule) window.eContainer();
        long frame = Units.nanos(schedule.getMajorFrame());
        if (end(window) > frame) {
            error(Windows.label(window) + " ends at " + Units.formatNanos(end(window)) + ", beyond the "
                    + Units.formatNanos(frame) + " major frame of core " + schedule.getCore() + " in plan "
                    + q(Windows.plan(window)) + ": shorten the window or lengthen the 'major-frame'.", window, Literals.WINDOW__DURATION, OrreryIssueCodes.WINDOW_BEYOND_FRAME);
        }
    }

    /** The hosted boards enforce windows by freezing processes: a window shorter than their edge costs is refused. */
    @Check
    public void windowTooShort(Window window) {
        BoardFacts board = system(window).boardFacts();
        if (board == null || !board.name().startsWith(BoardFacts.HOSTED_PREFIX)) {
            return;
        }
        long duration = Units.nanos(window.getDuration());
        if (duration < Limits.HOSTED_MIN_WINDOW_NS) {
            error(Windows.label(window) + " lasts " + Units.formatNanos(duration) + ", shorter than the "
                    + Units.formatNanos(Limits.HOSTED_MIN_WINDOW_NS) + " the " + board.name() + " board honours: "
                    + Limits.HOSTED_MIN_WINDOW_REASON + ". Lengthen it or give the partition fewer, longer windows.", window,
                    Literals.WINDOW__DURATION, OrreryIssueCodes.WINDOW_TOO_SHORT);
        }
    }

    @Check
    public void partitionWithoutWindow(Partition partition) {
        SystemView system = system(partition);
        if (system.complete() && !system.windowsInAnyPlan().containsKey(partition)) {
            error("Partition " + q(partition.getName()) + " has no window in any plan: it would never run; give it a "
                    + "window in the initial plan.", partition, Literals.PARTITION__NAME, OrreryIssueCodes.PARTITION_WITHOUT_WINDOW);
            return;
        }
        Plan initial = system.initialPlan();
        if (!system.complete() || initial == null || system.windowsOf(initial).containsKey(partition)) {
            return;
        }
        List<Plan> its = system.plans().stream().filter(p -> system.windowsOf(p).containsKey(partition)).toList();
        Set<Plan> reachable = ReachablePlans.of(system);
        if (its.stream().noneMatch(reachable::contains)) {
            String names = its.stream().map(p -> q(p.getName())).collect(Collectors.joining(", "));
            error("Partition " + q(partition.getName()) + " has windows only in " + (its.size() == 1 ? "plan " : "plans ")
                    + names + ", which no switch from the initial plan " + q(initial.getName()) + " and no health-monitor "
                    + "action reaches: it can never run. Give it a window in " + q(initial.getName()) + ", or add 'switch to "
                    + its.get(0).getName() + " by PARTITION' to a plan that runs.", partition,
                    Literals.PARTITION__NAME, OrreryIssueCodes.PARTITION_WITHOUT_WINDOW);
        } else {
            // Only a warning: a partition may run in other plans only on purpose (maintenance, safe modes).
            warning("Partition " + q(partition.getName()) + " has no window in the initial plan " + q(initial.getName())
                    + ": it does not run until the system switches to a plan where it has one. Give it a window in "
                    + q(initial.getName()) + " unless it is meant to run only in other plans.", partition,
                    Literals.PARTITION__NAME, OrreryIssueCodes.PARTITION_WITHOUT_WINDOW);
        }
    }

    @Check
    public void windowCoreNotAllowed(Window window) {
        Partition p = window.getPartition();
        if (p == null || p.eIsProxy() || p.getCores().isEmpty()) {
            return;
        }
        int core = ((CoreSchedule) window.eContainer()).getCore();
        if (!p.getCores().contains(core)) {
            error(Windows.label(window) + " is on core " + core + ", but partition " + q(p.getName())
                    + " may only run on cores " + Windows.list(p.getCores()) + ": move the window, or add the core to the partition's 'cores'.", window,
                    Literals.WINDOW__PARTITION, OrreryIssueCodes.WINDOW_CORE_NOT_ALLOWED);
        }
    }

    @Check
    public void partitionParallelWindows(Plan plan) {
        for (Map.Entry<Partition, List<Window>> e : SystemView.windowsByPartition(plan).entrySet()) {
            List<Window> ws = e.getValue();
            for (int i = 1; i < ws.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Window a = ws.get(i);
                    Window b = ws.get(j);
                    if (Windows.core(a) != Windows.core(b) && Windows.overlapInTime(a, b)) {
                        error("Partition " + q(e.getKey().getName()) + " would run on cores " + Windows.core(b) + " and "
                                + Windows.core(a) + " at once in plan " + q(plan.getName()) + ": move one of its windows so they do not overlap in time.", a,
                                Literals.WINDOW__START, OrreryIssueCodes.PARTITION_PARALLEL_WINDOWS);
                        j = i;
                    }
                }
            }
        }
    }

    @Check
    public void periodFrameMismatch(Process process) {
        long period = Units.nanos(process.getPeriod());
        if (period <= 0 || !(process.eContainer() instanceof Partition partition)) {
            return;
        }
        SystemView system = system(process);
        for (Plan plan : system.plans()) {
            for (CoreSchedule cs : system.coresOf(plan, partition)) {
                long frame = Units.nanos(cs.getMajorFrame());
                if (frame > 0 && frame % period != 0 && period % frame != 0) {
                    error("Period " + Units.formatNanos(period) + " of process " + q(Naming.qualified(process))
                            + " does not fit the " + Units.formatNanos(frame) + " major frame of core " + cs.getCore()
                            + " in plan " + q(plan.getName()) + ": neither divides the other; choose a period that divides the major frame "
                            + "or is a multiple of it.", process,
                            Literals.PROCESS__PERIOD, OrreryIssueCodes.PERIOD_FRAME_MISMATCH);
                    return;
                }
            }
        }
    }

    @Check
    public void initialPlan(Model model) {
        if (!isSystemRoot(model)) {
            return;
        }
        SystemView system = system(model);
        String sys = "System " + q(model.getSystem().getName());
        if (system.plans().isEmpty()) {
            error(sys + " declares no plan; add a 'plan NAME initial { ... }' with windows for its partitions.", model.getSystem(), Literals.SYSTEM_HEADER__NAME, OrreryIssueCodes.INITIAL_PLAN);
            return;
        }
        Plan first = null;
        for (Plan p : system.plans()) {
            if (!p.isInitial()) {
                continue;
            }
            if (first == null) {
                first = p;
            } else if (SystemView.modelOf(p) == model) {
                error("Plan " + q(p.getName()) + " is marked initial, but plan " + q(first.getName()) + " already is: only one plan may be.",
                        p, Literals.PLAN__INITIAL, OrreryIssueCodes.INITIAL_PLAN);
            }
        }
        if (first == null && system.plans().size() > 1) {
            error(sys + " has " + system.plans().size() + " plans but none is marked 'initial'; mark the one it starts with ('plan NAME initial').", model.getSystem(),
                    Literals.SYSTEM_HEADER__NAME, OrreryIssueCodes.INITIAL_PLAN);
        }
    }

    @Check
    public void switchRequester(PlanSwitch sw) {
        Partition p = sw.getRequester();
        if (p != null && !p.eIsProxy() && !p.isSystemPartition()) {
            error("Partition " + q(p.getName()) + " may not request plan switches: declare it 'system-partition', or name one that is.",
                    sw, Literals.PLAN_SWITCH__REQUESTER, OrreryIssueCodes.SWITCH_REQUESTER);
        }
    }

    private static long end(Window w) {
        return Units.nanos(w.getStart()) + Units.nanos(w.getDuration());
    }
}
