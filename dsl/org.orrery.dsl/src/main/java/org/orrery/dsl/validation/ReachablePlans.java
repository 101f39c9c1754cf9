// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.HealthMonitor;
import org.orrery.dsl.orrery.HmAction;
import org.orrery.dsl.orrery.HmRule;
import org.orrery.dsl.orrery.HmState;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.PlanSwitch;

/**
 * The plans a system can ever run: the initial plan, the targets of the switches its running plans allow, and
 * every plan the health monitor may switch to (it may do so whichever plan runs). A window in any other plan is
 * never used.
 */
final class ReachablePlans {

    private ReachablePlans() {
    }

    static Set<Plan> of(SystemView system) {
        Set<Plan> reachable = new LinkedHashSet<>();
        Deque<Plan> todo = new ArrayDeque<>();
        Plan initial = system.initialPlan();
        if (initial != null) {
            todo.add(initial);
        }
        for (HealthMonitor hm : system.healthMonitors()) {
            addHmTargets(hm, todo);
        }
        for (Partition p : system.partitions()) {
            for (HealthMonitor hm : p.getHealthMonitors()) {
                addHmTargets(hm, todo);
            }
        }
        while (!todo.isEmpty()) {
            Plan plan = todo.pop();
            if (plan.eIsProxy() || !reachable.add(plan)) {
                continue;
            }
            for (PlanSwitch s : plan.getSwitches()) {
                if (s.getTarget() != null) {
                    todo.add(s.getTarget());
                }
            }
        }
        return reachable;
    }

    private static void addHmTargets(HealthMonitor hm, Deque<Plan> todo) {
        for (HmState state : hm.getStates()) {
            for (HmRule rule : state.getRules()) {
                if (rule.getAction() == HmAction.SWITCH_PLAN && rule.getPlan() != null) {
                    todo.add(rule.getPlan());
                }
            }
        }
    }
}
