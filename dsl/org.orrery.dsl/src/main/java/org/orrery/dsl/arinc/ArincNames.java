// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.util.List;
import java.util.Optional;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;

/**
 * Where Orrery's vocabulary meets the ARINC 653 schema's: the extension namespaces Orrery writes into, and the
 * error codes and health-monitor actions that have a standard name. What has none lives only in Orrery's
 * extension.
 */
public final class ArincNames {

    public static final String MODULE_EXT = "ModExt";
    public static final String PARTITION_EXT = "PartitionExt";
    public static final String PROCESS_EXT = "Proc_Ext";
    public static final String WINDOW_EXT = "Window_Sched_Ext";
    public static final String SCHEDULE_EXT = "Part_Sched_Ext";

    /** Classpath locations of Orrery's extension schemas, one per namespace. */
    public static final List<String> EXTENSION_SCHEMAS = List.of(MODULE_EXT, PARTITION_EXT, PROCESS_EXT, WINDOW_EXT,
            SCHEDULE_EXT).stream().map(ns -> "/org/orrery/dsl/arinc/ext/" + ns + ".xsd").toList();

    private ArincNames() {
    }

    /** The schema's {@code ErrorCodeType} value for an Orrery error code; empty for Orrery's own errors. */
    public static Optional<String> standardErrorCode(ErrorCode e) {
        return switch (e) {
            case POWER_FAIL -> Optional.of("POWER_FAILURE");
            case WINDOW_OVERRUN, WATCHDOG -> Optional.empty();
            default -> Optional.of(e.name());
        };
    }

    /** The Orrery error code for a standard {@code ErrorCodeType} value or an Orrery error name. */
    public static Optional<ErrorCode> errorCode(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals("POWER_FAILURE")) {
            return Optional.of(ErrorCode.POWER_FAIL);
        }
        for (ErrorCode e : ErrorCode.values()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The schema's {@code ModuleActionType} value that does exactly what the Orrery action does, if any. */
    public static Optional<String> standardModuleAction(HmAction a) {
        return switch (a) {
            case IGNORE -> Optional.of("IGNORE");
            case SHUTDOWN_MODULE -> Optional.of("SHUTDOWN");
            case RESET_MODULE -> Optional.of("RESET");
            default -> Optional.empty();
        };
    }

    /** The schema's {@code PartitionActionType} value that does exactly what the Orrery action does, if any. */
    public static Optional<String> standardPartitionAction(HmAction a) {
        return switch (a) {
            case IGNORE -> Optional.of("IGNORE");
            case IDLE_PARTITION -> Optional.of("IDLE");
            case WARM_START_PARTITION -> Optional.of("WARM_START");
            case COLD_START_PARTITION -> Optional.of("COLD_START");
            default -> Optional.empty();
        };
    }

    /** The Orrery action for a standard module or partition action. */
    public static Optional<HmAction> action(String standard) {
        return switch (standard == null ? "" : standard) {
            case "IGNORE" -> Optional.of(HmAction.IGNORE);
            case "SHUTDOWN" -> Optional.of(HmAction.SHUTDOWN_MODULE);
            case "RESET" -> Optional.of(HmAction.RESET_MODULE);
            case "IDLE" -> Optional.of(HmAction.IDLE_PARTITION);
            case "WARM_START" -> Optional.of(HmAction.WARM_START_PARTITION);
            case "COLD_START" -> Optional.of(HmAction.COLD_START_PARTITION);
            default -> Optional.empty();
        };
    }
}
