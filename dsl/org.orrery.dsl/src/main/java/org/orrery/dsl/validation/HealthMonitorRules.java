// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.model.ConfigEnums;
import org.orrery.dsl.orrery.HealthMonitor;
import org.orrery.dsl.orrery.HmAction;
import org.orrery.dsl.orrery.HmError;
import org.orrery.dsl.orrery.HmRule;
import org.orrery.dsl.orrery.HmState;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;

/** Health monitor tables. Which action fits which level is decided by the OS's own {@code HmAction}. */
public class HealthMonitorRules extends OrreryRules {

    @Check
    public void hmActionLevel(HmRule rule) {
        if (!ConfigEnums.action(rule.getAction()).allowedAt(ConfigEnums.level(rule.getLevel()))) {
            error("Action " + rule.getAction().getName() + " is not valid at " + rule.getLevel().getLiteral() + " level; choose an action of that level or another level.",
                    rule, Literals.HM_RULE__ACTION, OrreryIssueCodes.HM_ACTION_LEVEL);
        }
    }

    @Check
    public void hmPlanTarget(HmRule rule) {
        boolean switches = rule.getAction() == HmAction.SWITCH_PLAN;
        if (switches && rule.getPlan() == null) {
            error("Action SWITCH_PLAN needs the plan to switch to: write '-> SWITCH_PLAN PLAN'.", rule, Literals.HM_RULE__ACTION,
                    OrreryIssueCodes.HM_PLAN_TARGET);
        } else if (!switches && rule.getPlan() != null) {
            error("Only SWITCH_PLAN takes a plan; " + rule.getAction().getName() + " does not: remove the plan.", rule,
                    Literals.HM_RULE__PLAN, OrreryIssueCodes.HM_PLAN_TARGET);
        }
    }

    /** One table per (owner, state), and an error code at most once per table. */
    @Check
    public void hmDuplicate(HmState state) {
        for (HmState other : tablesOfSameOwner(state)) {
            if (other == state) {
                break;
            }
            if (other.getState() == state.getState()) {
                error("State " + state.getState().getName() + " already has a health monitor table here: merge the two.", state,
                        Literals.HM_STATE__STATE, OrreryIssueCodes.HM_DUPLICATE);
                break;
            }
        }
        Set<HmError> seen = EnumSet.noneOf(HmError.class);
        for (HmRule r : state.getRules()) {
            if (!seen.add(r.getError())) {
                error("Error " + r.getError().getName() + " appears twice in the " + state.getState().getName() + " table: keep one rule per error.",
                        r, Literals.HM_RULE__ERROR, OrreryIssueCodes.HM_DUPLICATE);
            }
        }
    }

    private List<HmState> tablesOfSameOwner(HmState state) {
        List<HmState> all = new ArrayList<>();
        HealthMonitor hm = (HealthMonitor) state.eContainer();
        if (hm.eContainer() instanceof Partition p) {
            p.getHealthMonitors().forEach(h -> all.addAll(h.getStates()));
        } else {
            system(state).healthMonitors().forEach(h -> all.addAll(h.getStates()));
        }
        return all;
    }
}
