// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * Recovery actions of the health monitor. Ordinals are part of the binary format: append only.
 * {@link #allowedAt(HmLevel)} is the single rule saying which action fits which level; the DSL
 * validator and the configuration validator both use it.
 */
public enum HmAction {
    /** Nothing is done (the error is still counted and traced). */
    IGNORE(true, true, true),
    /** The error is written to the console and the trace. */
    LOG(true, true, true),
    /** The failing process is stopped and started again. */
    RESTART_PROCESS(true, false, false),
    /** The partition is put into IDLE mode. */
    IDLE_PARTITION(false, true, false),
    /** The partition is re-initialised keeping its loaded classes. */
    WARM_START_PARTITION(false, true, false),
    /** The partition is re-initialised from scratch (fresh class loader). */
    COLD_START_PARTITION(false, true, false),
    /** The module switches to the rule's target plan at the end of the current major frame. */
    SWITCH_PLAN(false, false, true),
    /** The module stops: the run ends. */
    SHUTDOWN_MODULE(false, false, true),
    /** The module restarts: every partition cold starts and the initial plan is loaded again. */
    RESET_MODULE(false, false, true);

    private final boolean process;
    private final boolean partition;
    private final boolean module;

    HmAction(boolean process, boolean partition, boolean module) {
        this.process = process;
        this.partition = partition;
        this.module = module;
    }

    /** Whether this action may be configured for errors handled at {@code level}. */
    public boolean allowedAt(HmLevel level) {
        return switch (level) {
            case PROCESS -> process;
            case PARTITION -> partition;
            case MODULE -> module;
        };
    }
}
