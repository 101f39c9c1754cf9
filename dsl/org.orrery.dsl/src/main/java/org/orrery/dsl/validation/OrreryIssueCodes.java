// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

/**
 * Every rule code the language reports, in one place. A code is the rule's name as printed in
 * {@code file:line:col: error[CODE]: message} and names its negative fixtures ({@code fixtures/CODE.orrery}, and
 * {@code fixtures/CODE-CHECK.orrery} for each further message of the rule).
 */
public interface OrreryIssueCodes {

    // Reading the files
    String SYNTAX = "syntax";
    String UNRESOLVED_REFERENCE = "unresolved-reference";
    String IMPORT_UNRESOLVED = "import-unresolved";
    String FILE_UNREADABLE = "file-unreadable";
    /** A step that needs a system (generate, build, run, export) was given a file without a {@code system} header. */
    String NO_SYSTEM = "no-system";
    /** An XtratuM XM_CF file that cannot be imported (wrong root, duplicate ids, unknown references, bad values). */
    String XMCF = "xmcf";
    /** An ARINC 653 module file that cannot be imported, or a part of it Orrery skips (a warning). */
    String ARINC_IMPORT = "arinc-import";

    // Structure
    String DUPLICATE_NAME = "duplicate-name";
    String BOARD_COUNT = "board-count";
    String REQUIRED_ATTRIBUTE = "required-attribute";
    String VALUE_RANGE = "value-range";
    String LIMIT_EXCEEDED = "limit-exceeded";

    // Board and memory
    String CORE_OUT_OF_RANGE = "core-out-of-range";
    String TICK_MULTIPLE = "tick-multiple";
    String MEMORY_OVER_BUDGET = "memory-over-budget";
    String REGION_OVERLAP = "region-overlap";
    /** A warning: a shared region overlaps one that is not shared and lets other partitions reach its bytes. */
    String SHARED_REGION_OVERLAP = "shared-region-overlap";

    // Schedules
    String WINDOWS_OVERLAP = "windows-overlap";
    String WINDOW_BEYOND_FRAME = "window-beyond-frame";
    String WINDOW_TOO_SHORT = "window-too-short";
    String PARTITION_WITHOUT_WINDOW = "partition-without-window";
    String WINDOW_CORE_NOT_ALLOWED = "window-core-not-allowed";
    String PARTITION_PARALLEL_WINDOWS = "partition-parallel-windows";
    String PERIOD_FRAME_MISMATCH = "period-frame-mismatch";
    String INITIAL_PLAN = "initial-plan";
    String UNKNOWN_PLAN = "unknown-plan";
    String SWITCH_REQUESTER = "switch-requester";
    String UNSCHEDULABLE = "unschedulable";
    /** A warning: a process of an EDF partition declares a priority, which EDF does not use. */
    String EDF_PRIORITY = "edf-priority";

    // Communication
    String CHANNEL_KIND_MISMATCH = "channel-kind-mismatch";
    String CHANNEL_DIRECTION_MISMATCH = "channel-direction-mismatch";
    String CHANNEL_SIZE_MISMATCH = "channel-size-mismatch";
    String QUEUING_MULTIPLE_DESTINATIONS = "queuing-multiple-destinations";
    String PORT_MULTIPLY_CONNECTED = "port-multiply-connected";
    String REFRESH_BELOW_PERIOD = "refresh-below-period";
    String UNCONNECTED_PORT = "unconnected-port";

    // Health monitor
    String HM_ACTION_LEVEL = "hm-action-level";
    String HM_PLAN_TARGET = "hm-plan-target";
    String HM_DUPLICATE = "hm-duplicate";

    // Services and VMs
    String VM_VCPUS_OVER_CORES = "vm-vcpus-over-cores";
    String SERVICE_PORT_CLASH = "service-port-clash";

    // Raised by the headless compiler when the canonical configuration refuses a model the rules passed: the OS's
    // own checks that the language does not repeat (e.g. NVRAM parameters fitting the device, string lengths).
    String CONFIG_INVALID = "config-invalid";
}
