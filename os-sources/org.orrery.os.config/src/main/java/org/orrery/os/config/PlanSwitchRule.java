// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * Permission for a partition to request a plan switch (taking effect at the end of the major frame).
 *
 * @param fromPlan the plan that must be active, {@code ""} = any
 * @param toPlan the plan switched to
 * @param partition the partition allowed to request it
 */
public record PlanSwitchRule(String fromPlan, String toPlan, String partition) {
    public PlanSwitchRule {
        fromPlan = Checks.str(fromPlan, "planSwitchRule.fromPlan");
        toPlan = Checks.str(toPlan, "planSwitchRule.toPlan");
        partition = Checks.str(partition, "planSwitchRule.partition");
    }
}
