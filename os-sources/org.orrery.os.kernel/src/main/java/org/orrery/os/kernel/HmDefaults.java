// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.SystemState;

/**
 * What the health monitor does for an error no table mentions:
 * <ul>
 * <li>any error during partition initialisation (except ILLEGAL_REQUEST): the partition goes IDLE, so a
 * broken application cannot loop through restarts;</li>
 * <li>WINDOW_OVERRUN: the partition goes IDLE;</li>
 * <li>WATCHDOG: the partition cold starts; the board watchdog resets the module;</li>
 * <li>HARDWARE_FAULT, POWER_FAIL: the module shuts down;</li>
 * <li>everything else (deadline miss, application, numeric, illegal request, stack, memory): logged.</li>
 * </ul>
 */
final class HmDefaults {
    private HmDefaults() {
    }

    static HmRule rule(SystemState state, ErrorCode error, boolean partition) {
        if (!partition) {
            return switch (error) {
                case WATCHDOG -> new HmRule(error, HmLevel.MODULE, HmAction.RESET_MODULE, "");
                case HARDWARE_FAULT, POWER_FAIL -> new HmRule(error, HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, "");
                default -> new HmRule(error, HmLevel.MODULE, HmAction.LOG, "");
            };
        }
        if (state == SystemState.PARTITION_INIT && error != ErrorCode.ILLEGAL_REQUEST) {
            return new HmRule(error, HmLevel.PARTITION, HmAction.IDLE_PARTITION, "");
        }
        return switch (error) {
            case WINDOW_OVERRUN -> new HmRule(error, HmLevel.PARTITION, HmAction.IDLE_PARTITION, "");
            case WATCHDOG -> new HmRule(error, HmLevel.PARTITION, HmAction.COLD_START_PARTITION, "");
            case HARDWARE_FAULT, POWER_FAIL -> new HmRule(error, HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, "");
            default -> new HmRule(error, HmLevel.PROCESS, HmAction.LOG, "");
        };
    }
}
