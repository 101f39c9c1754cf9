// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import org.orrery.os.api.ErrorCode;

/**
 * One health monitor table entry: {@code error} is handled at {@code level} by {@code action}
 * ({@link HmAction#allowedAt(HmLevel)} must hold). {@code planTarget} names the plan for
 * {@link HmAction#SWITCH_PLAN} and is {@code ""} for every other action.
 */
public record HmRule(ErrorCode error, HmLevel level, HmAction action, String planTarget) {
    public HmRule {
        error = Checks.obj(error, "hmRule.error");
        level = Checks.obj(level, "hmRule.level");
        action = Checks.obj(action, "hmRule.action");
        planTarget = Checks.str(planTarget, "hmRule.planTarget");
    }
}
