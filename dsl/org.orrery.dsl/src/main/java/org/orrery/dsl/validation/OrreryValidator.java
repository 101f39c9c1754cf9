// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * All rules of the language, one {@code @Check} per rule, grouped by concern. Codes are in
 * {@link OrreryIssueCodes}; each rule has a negative fixture named after its code in the tests module.
 */
@ComposedChecks(validators = {
    StructureRules.class,
    BoardRules.class,
    ScheduleRules.class,
    SchedulabilityRules.class,
    CommunicationRules.class,
    HealthMonitorRules.class,
    PlatformRules.class,
})
public class OrreryValidator extends AbstractOrreryValidator {
}
